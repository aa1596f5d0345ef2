using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductStore.ServiceDefaults.Health;

public static class HealthEndpoints
{
    /// <summary>Checks tagged "ready" decide /health/ready; /health/live only says the process answers.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddDefaultHealthChecks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ShutdownDrain>(provider,
            ShutdownDrain.DelayFrom(builder.Configuration, builder.Environment)));
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(ShutdownDrain.Name,
            provider => provider.GetRequiredService<ShutdownDrain>(), HealthStatus.Unhealthy, [ReadyTag]));
        return builder;
    }

    /// <summary>Mapped in every environment: orchestrators probe production, not just development.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", Live).DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", Ready).DisableHttpMetrics();
        return app;
    }

    /// <summary>No check at all: the process answers.</summary>
    public static HealthCheckOptions Live => new() { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync };

    /// <summary>The checks tagged <see cref="ReadyTag"/>, each with its status and description.</summary>
    public static HealthCheckOptions Ready => new() { Predicate = IsReadyCheck, ResponseWriter = HealthReportWriter.WriteAsync };

    public static bool IsReadyCheck(HealthCheckRegistration check) => check.Tags.Contains(ReadyTag);
}
