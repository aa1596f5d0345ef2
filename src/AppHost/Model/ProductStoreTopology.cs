namespace ProductStore.AppHost.Model;

/// <summary>
/// ProductStore's topology, described once: run mode and both publishers are generated from it.
/// Container resources exist only in deployments; run mode uses the projects and the monitoring servers.
/// </summary>
public static class ProductStoreTopology
{
    public static AppModel Create() => new(
    [
        new("users", ResourceKind.Project, 8003)
        {
            ProjectPath = "src/Users/Users.csproj",
            IssuesTokens = true,
            HasStorage = true,
        },
        new("catalog", ResourceKind.Project, 8000)
        {
            ProjectPath = "src/Catalog/Catalog.csproj",
            References = ["users"],
            HasStorage = true,
        },
        new("cart", ResourceKind.Project, 8001)
        {
            ProjectPath = "src/Cart/Cart.csproj",
            References = ["users", "catalog"],
            HasStorage = true,
        },
        new("orders", ResourceKind.Project, 8002)
        {
            ProjectPath = "src/Orders/Orders.csproj",
            References = ["users", "catalog", "cart"],
            UsesServiceToken = true,
            HasStorage = true,
        },
        new("gateway", ResourceKind.Project, 8080)
        {
            ProjectPath = "src/Gateway/Gateway.csproj",
            References = ["users", "catalog", "cart", "orders"],
            IsPublic = true,
        },
        new("alertmanager", ResourceKind.Monitoring, 9093)
        {
            Image = "prom/alertmanager:v0.28.1",
            HealthPath = "/-/ready",
            LivenessPath = "/-/healthy",
            IsPublic = true,
            HealthProbe = HealthProbe.Wget,
            VolumePath = "/alertmanager",
            UserId = 65534,
            Cpus = 0.25,
            MemoryMiB = 128,
        },
        new("prometheus", ResourceKind.Monitoring, 9090)
        {
            Image = "prom/prometheus:v3.5.0",
            References = ["alertmanager", "users", "catalog", "cart", "orders", "gateway"],
            HealthPath = "/-/ready",
            LivenessPath = "/-/healthy",
            IsPublic = true,
            HealthProbe = HealthProbe.Wget,
            VolumePath = "/prometheus",
            UserId = 65534,
            MemoryMiB = 1024,
        },
        new("cassandra", ResourceKind.Container, 9042)
        {
            Image = "cassandra:5.0",
            HealthCommand = ["cqlsh", "-e", "describe keyspaces"],
            ExtraPorts = new Dictionary<string, int> { ["intra-node"] = 7000 },
            VolumePath = "/var/lib/cassandra",
            ClusterSize = 3,
            UserId = 999,
            Cpus = 2,
            MemoryMiB = 4096,
            // A fixed heap below the limit: Cassandra sizes it from the host's memory otherwise.
            Environment = new Dictionary<string, string> { ["MAX_HEAP_SIZE"] = "2G", ["HEAP_NEWSIZE"] = "400M" },
        },
        new("cassandra-exporter", ResourceKind.Container, 9500)
        {
            BuildContext = "deploy/cassandra-exporter",
            SidecarOf = "cassandra",
            MetricsJob = "cassandra",
            HealthPath = "/metrics",
            LivenessPath = "/metrics",
            UserId = 65532,
            Cpus = 0.25,
            MemoryMiB = 256,
        },
        new("jaeger", ResourceKind.Container, 16686)
        {
            Image = "jaegertracing/all-in-one:1.62.0",
            ExtraPorts = new Dictionary<string, int> { ["otlp-grpc"] = 4317, ["otlp-http"] = 4318 },
            HealthPort = 14269,
            HealthPath = "/",
            LivenessPath = "/",
            HealthProbe = HealthProbe.Wget,
            IsPublic = true,
            UserId = 10001,
            MemoryMiB = 1024,
            Environment = new Dictionary<string, string> { ["COLLECTOR_OTLP_ENABLED"] = "true" },
        },
        new("grafana", ResourceKind.Container, 3000)
        {
            Image = "grafana/grafana:11.6.0",
            References = ["prometheus", "jaeger"],
            HealthPath = "/api/health",
            LivenessPath = "/api/health",
            HealthProbe = HealthProbe.Wget,
            VolumePath = "/var/lib/grafana",
            IsPublic = true,
            UserId = 472,
            Cpus = 0.5,
        },
    ]);
}
