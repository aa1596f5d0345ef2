namespace ProductStore.AppHost.Model;

/// <summary>ProductStore's topology, described once: run mode and both publishers are generated from it.</summary>
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
        },
        new("prometheus", ResourceKind.Monitoring, 9090)
        {
            Image = "prom/prometheus:v3.5.0",
            References = ["alertmanager", "users", "catalog", "cart", "orders", "gateway"],
            HealthPath = "/-/ready",
            LivenessPath = "/-/healthy",
            IsPublic = true,
        },
    ]);
}
