#pragma warning disable ASPIREPROBES001 // Probes are what the Kubernetes publisher writes; run mode turns them into health checks.

namespace ProductStore.AppHost.Hosting;

public static class Monitoring
{
    /// <summary>
    /// Prometheus and Alertmanager with this repository's configuration, scraping <paramref name="scraped"/>. Run mode
    /// starts the Debian packages' binaries when installed (<c>AppHost:Monitoring=false</c> or <c>--no-monitoring</c>
    /// leaves them out); deployments also run Jaeger, Grafana and Cassandra's metrics exporter as containers.
    /// </summary>
    /// <returns>The Pushgateway batch jobs report to (deployments only; run mode has no scheduled jobs).</returns>
    public static IResourceBuilder<ContainerResource>? AddMonitoring(this IDistributedApplicationBuilder builder, IReadOnlyList<IResourceBuilder<IResourceWithEndpoints>> scraped)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            if (builder.Configuration.GetValue("AppHost:Monitoring", true)) builder.AddLocalMonitoring(scraped);
            return null;
        }
        var alertmanager = builder.AddContainer("alertmanager", "prom/alertmanager", "v0.28.1")
            .WithHttpEndpoint(port: 9093, targetPort: 9093)
            .WithVolume("alertmanager-data", "/alertmanager")
            .WithHttpProbe(ProbeType.Readiness, "/-/ready")
            .WithHttpProbe(ProbeType.Liveness, "/-/healthy")
            .WithDeployment(d => { d.IsMonitoring = true; d.IsPublic = true; d.HealthProbe = HealthProbeTool.Wget; d.UserId = 65534; d.Cpus = 0.25; d.MemoryMiB = 128; });
        var prometheus = builder.AddContainer("prometheus", "prom/prometheus", "v3.5.0")
            .WithHttpEndpoint(port: 9090, targetPort: 9090)
            .WithVolume("prometheus-data", "/prometheus")
            .WithHttpProbe(ProbeType.Readiness, "/-/ready")
            .WithHttpProbe(ProbeType.Liveness, "/-/healthy")
            .WithReferenceRelationship(alertmanager)
            .WithDeployment(d => { d.IsMonitoring = true; d.IsPublic = true; d.HealthProbe = HealthProbeTool.Wget; d.UserId = 65534; d.MemoryMiB = 1024; });
        foreach (var target in scraped) prometheus.WithReferenceRelationship(target);

        builder.AddDockerfile("cassandra-exporter", Path.Combine(builder.RepositoryRoot(), "deploy", "cassandra-exporter"))
            .WithHttpEndpoint(port: 9500, targetPort: 9500, name: "metrics")
            .WithHttpProbe(ProbeType.Readiness, "/metrics", endpointName: "metrics")
            .WithDeployment(d => { d.SidecarOf = "cassandra"; d.MetricsJob = "cassandra"; d.UserId = 65532; d.Cpus = 0.25; d.MemoryMiB = 256; });
        // Jaeger receives every service's traces over OTLP; in run mode the Aspire dashboard does.
        var jaeger = builder.AddContainer("jaeger", "jaegertracing/all-in-one", "1.62.0")
            .WithHttpEndpoint(port: 16686, targetPort: 16686)
            .WithEndpoint(port: 4317, targetPort: 4317, name: "otlp-grpc", scheme: "tcp")
            .WithEndpoint(port: 4318, targetPort: 4318, name: "otlp-http", scheme: "tcp")
            .WithHttpProbe(ProbeType.Readiness, "/")
            .WithEnvironment("COLLECTOR_OTLP_ENABLED", "true")
            .WithDeployment(d => { d.IsPublic = true; d.HealthPort = 14269; d.HealthProbe = HealthProbeTool.Wget; d.UserId = 10001; d.MemoryMiB = 1024; });
        builder.AddContainer("grafana", "grafana/grafana", "11.6.0")
            .WithHttpEndpoint(port: 3000, targetPort: 3000)
            .WithVolume("grafana-data", "/var/lib/grafana")
            .WithHttpProbe(ProbeType.Readiness, "/api/health")
            .WithReferenceRelationship(prometheus)
            .WithReferenceRelationship(jaeger)
            .WithDeployment(d => { d.IsPublic = true; d.HealthProbe = HealthProbeTool.Wget; d.UserId = 472; d.Cpus = 0.5; });
        // Batch jobs (the backups) end before a scrape could reach them: they push their results here, and it keeps
        // them on disk across restarts.
        return builder.AddContainer("pushgateway", "prom/pushgateway", "v1.11.1")
            .WithHttpEndpoint(port: 9091, targetPort: 9091)
            .WithVolume("pushgateway-data", "/data")
            .WithArgs("--persistence.file=/data/metrics")
            .WithHttpProbe(ProbeType.Readiness, "/-/ready")
            .WithHttpProbe(ProbeType.Liveness, "/-/healthy")
            .WithDeployment(d => { d.MetricsJob = "pushgateway"; d.KeepsPushedLabels = true; d.HealthProbe = HealthProbeTool.Wget; d.UserId = 65534; d.Cpus = 0.25; d.MemoryMiB = 128; });
    }
}
