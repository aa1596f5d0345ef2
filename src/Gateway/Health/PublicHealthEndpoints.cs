using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductStore.Gateway.RateLimiting;
using ProductStore.ServiceDefaults.Health;

namespace ProductStore.Gateway.Health;

/// <summary>
/// What the public listener tells anyone about health: live, and ready or not, with no per-service detail or address
/// (those are on the management listener). Readiness asks every service, so it is rate limited per client IP.
/// </summary>
public static class PublicHealthEndpoints
{
    public static WebApplication MapPublicHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", HealthEndpoints.Live).DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = HealthEndpoints.IsReadyCheck, ResponseWriter = WriteStatusAsync })
            .RequireRateLimiting(ClientRateLimits.HealthPolicy)
            .DisableHttpMetrics();
        return app;
    }

    /// <summary>{"status":"Healthy"} or {"status":"Unhealthy"}.</summary>
    private static async Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status == HealthStatus.Healthy ? "Healthy" : "Unhealthy");
        json.WriteEndObject();
        await json.FlushAsync();
    }
}
