using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProductStore.ServiceDefaults.Telemetry;

public static class TelemetrySetup
{
    /// <summary>Meters beyond what the instrumentation packages add: authentication and our own.</summary>
    public static readonly string[] Meters = ["Microsoft.AspNetCore.Authentication", DatabaseTelemetry.SourceName, "ProductStore.*"];

    /// <summary>
    /// Meters no process listens to: ASP.NET Core 10's buffer pool meter (the hosting instrumentation adds it) counts every
    /// rented buffer on the hot path, and no panel or alert rule reads it.
    /// </summary>
    public static readonly string[] SkippedMeters = ["Microsoft.AspNetCore.MemoryPool"];

    /// <summary>Our own span sources, beside the ASP.NET Core and HttpClient instrumentation.</summary>
    public static readonly string[] Sources = [DatabaseTelemetry.SourceName, "ProductStore.*"];

    /// <summary>
    /// Metrics always, for /metrics. Traces only when an OTLP endpoint is configured: spans nobody exports are pure cost on
    /// every request and every outgoing call. With OTEL_EXPORTER_OTLP_ENDPOINT (as Aspire sets it) metrics and logs go
    /// over OTLP too.
    /// </summary>
    public static WebApplicationBuilder ConfigureOpenTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };
        var tracing = otlp || configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] is { Length: > 0 };
        // A process may skip meters that only repeat what it measures itself (Telemetry:SkipMeters): each one enabled is
        // work on every request. A dropped instrument is never listened to.
        var skipped = SkippedMeters.Concat(configuration.GetSection("Telemetry:SkipMeters").Get<string[]>() ?? [])
            .ToHashSet(StringComparer.Ordinal);

        ProcessMetrics.EnsureCreated();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName.From(configuration, builder.Environment),
                serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters)
                .AddView(MetricNames.View(skipped))
                // A burst of scrapers costs one collection a second.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 1000));
        if (tracing)
        {
            telemetry.WithTracing(traces => traces
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request =>
                    request.RequestUri is not { } uri || !IsProbeOrScrape(uri.AbsolutePath))
                .AddSource(Sources));
        }
        if (otlp)
        {
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeFormattedMessage = true;
                logs.IncludeScopes = true;
            });
            telemetry.UseOtlpExporter();
        }
        else if (tracing)
        {
            telemetry.WithTracing(traces => traces.AddOtlpExporter());
        }
        return builder;
    }

    /// <summary>
    /// GET /metrics for Prometheus: anonymous (scrapers carry no token), and left out of the HTTP metrics so that
    /// scraping does not show up as traffic.
    /// </summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint()
            .AllowAnonymous()
            .DisableHttpMetrics()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Health probes and scrapes arrive every few seconds and say nothing about the shop: no spans for them, served or
    /// sent (the gateway probes each service's /health/ready).
    /// </summary>
    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
