using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProductStore.ServiceDefaults.Telemetry;

public static class TelemetrySetup
{
    /// <summary>Meters ASP.NET Core, Kestrel, HttpClient and the runtime emit natively, plus our own.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Authentication",
        "System.Net.Http", "System.Runtime", DatabaseTelemetry.SourceName, "ProductStore.*",
    ];

    /// <summary>Span sources: without the ASP.NET Core source, our own spans would be dropped by the parent-based sampler.</summary>
    public static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http", DatabaseTelemetry.SourceName, "ProductStore.*"];

    /// <summary>
    /// Builds the OpenTelemetry SDK (OpenTelemetry.Extensions.Hosting is not in our registry): metrics for the
    /// /metrics endpoint always; traces only when OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var service = ServiceName.From(builder.Configuration, builder.Environment);
        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 }
            || builder.Configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] is { Length: > 0 };
        // A process may skip meters that only repeat what it measures itself (Telemetry:SkipMeters): each one enabled is
        // work on every request.
        var skipped = builder.Configuration.GetSection("Telemetry:SkipMeters").Get<string[]>() ?? [];
        var meters = Meters.Except(skipped, StringComparer.Ordinal).ToArray();
        builder.Services.AddSingleton<PrometheusMetrics>();
        builder.Services.AddSingleton(provider => OpenTelemetrySdk.Create(sdk =>
        {
            sdk.ConfigureResource(resource => resource.AddService(service, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
                .WithMetrics(metrics => metrics
                    .AddMeter(meters)
                    .AddReader(provider.GetRequiredService<PrometheusMetrics>().Reader));
            // Spans nobody exports are pure cost on every request and every outgoing call: listen only when exporting.
            // (Logs keep their trace ids either way: ASP.NET Core starts the request's activity for logging.)
            if (otlp) sdk.WithTracing(tracing => tracing.AddSource(Sources).AddOtlpExporter());
        }));
        // The SDK starts listening when it is first resolved: do that before the first request.
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }

    private sealed class TelemetryStarter(OpenTelemetrySdk sdk) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        // Flush buffered spans on the way down.
        public Task StopAsync(CancellationToken cancellationToken)
        {
            sdk.TracerProvider.ForceFlush(2000);
            return Task.CompletedTask;
        }
    }
}
