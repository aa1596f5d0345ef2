// PLACEHOLDER — replaced by the Prometheus exporter work.
using OpenTelemetry.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

public sealed class PrometheusMetrics
{
    public MetricReader Reader { get; } = new BaseExportingMetricReader(new NoopExporter());

    private sealed class NoopExporter : OpenTelemetry.BaseExporter<Metric>
    {
        public override OpenTelemetry.ExportResult Export(in OpenTelemetry.Batch<Metric> batch) => OpenTelemetry.ExportResult.Success;
    }
}

public static class MetricsEndpoint
{
    public static WebApplication MapMetricsEndpoint(this WebApplication app) => app;
}
