using System.Diagnostics;
using OpenTelemetry.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>
/// The /metrics endpoint's source: the SDK's metrics, collected on demand and rendered as Prometheus text.
/// Scrapes take turns, and a rendering is served for a second, so a burst of scrapers costs one collection.
/// </summary>
public sealed class PrometheusMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly PrometheusExporter _exporter = new(ProcessMetrics.Names);
    private readonly PrometheusBuffer _buffer = new(64 * 1024);
    private volatile Rendering? _last;

    public PrometheusMetrics()
    {
        var reader = new BaseExportingMetricReader(_exporter);
        reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
        Reader = reader;
    }

    public MetricReader Reader { get; }

    /// <summary>The current metrics in the text exposition format 0.0.4, UTF-8.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ScrapeAsync(CancellationToken cancellationToken)
    {
        if (_last is { IsFresh: true } last) return last.Text;
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_last is { IsFresh: true } meanwhile) return meanwhile.Text;
            _buffer.Clear();
            _exporter.Render(Reader, _buffer);
            ProcessMetrics.WriteTo(_buffer);
            _last = new Rendering(_buffer.ToArray(), Stopwatch.GetTimestamp());
            return _last.Text;
        }
        finally
        {
            _turn.Release();
        }
    }

    private sealed record Rendering(byte[] Text, long RenderedAt)
    {
        public bool IsFresh => Stopwatch.GetElapsedTime(RenderedAt) < CacheFor;
    }
}

public static class MetricsEndpoint
{
    /// <summary>
    /// GET /metrics for Prometheus: anonymous (scrapers carry no token), and left out of the HTTP metrics so that
    /// scraping does not show up as traffic.
    /// </summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapGet("/metrics", async (PrometheusMetrics metrics, CancellationToken cancellationToken) =>
                TypedResults.Bytes(await metrics.ScrapeAsync(cancellationToken), PrometheusMetrics.ContentType))
            .AllowAnonymous()
            .DisableHttpMetrics()
            .ExcludeFromDescription();
        return app;
    }
}
