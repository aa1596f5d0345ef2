using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Health;

namespace ProductStore.Gateway.Management;

/// <summary>
/// The management listener (Gateway:ManagementPort) serves /metrics and the detailed health report, and nothing else;
/// the public one serves neither. Chosen by the port the connection arrived on, never by the Host header a client sends.
/// </summary>
public static class ManagementEndpoints
{
    public static WebApplication UseManagementEndpoints(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.ManagementPort is not { } port) return app;
        app.MapWhen(context => context.Connection.LocalPort == port, management =>
        {
            // Scrapes and probes are not traffic.
            management.Use(static (context, next) =>
            {
                if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics) metrics.MetricsDisabled = true;
                return next(context);
            });
            management.UseHealthChecks("/health/live", HealthEndpoints.Live);
            management.UseHealthChecks("/health/ready", HealthEndpoints.Ready);
            management.UseOpenTelemetryPrometheusScrapingEndpoint("/metrics");
            management.Run(static context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }
}
