using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Health;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Logging;
using ProductStore.ServiceDefaults.OpenApi;
using ProductStore.ServiceDefaults.Problems;
using ProductStore.ServiceDefaults.Telemetry;

namespace ProductStore.ServiceDefaults;

/// <summary>What every ProductStore process shares, in the spirit of Aspire's ServiceDefaults.</summary>
public static class Extensions
{
    /// <summary>
    /// What every process has, the gateway included: Aspire's service defaults (telemetry, health, service discovery,
    /// resilient HttpClients), plus JSON logs, problems and graceful shutdown.
    /// </summary>
    public static WebApplicationBuilder AddProcessDefaults(this WebApplicationBuilder builder)
    {
        // First: it replaces the logging providers, and OpenTelemetry adds one.
        builder.AddJsonLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceClientDefaults();
        builder.AddProblemResponses();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(
            builder.Configuration.GetValue("ShutdownTimeoutSeconds", 20)));
        return builder;
    }

    /// <summary>
    /// A service behind the gateway: the process defaults, plus checking the callers' tokens and describing its API.
    /// (The gateway has neither: registering authentication would make ASP.NET Core validate every token it relays.)
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddProcessDefaults();
        builder.AddJwtValidation();
        builder.AddTokenRevocation();
        builder.AddOpenApiDocument();
        return builder;
    }

    /// <summary>Health and /metrics, on every process.</summary>
    public static WebApplication MapProcessEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapProcessEndpoints();
        app.MapOpenApiDocument();
        return app;
    }

    /// <summary>The middleware every service runs, in order: errors first, then auth.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseProblemResponses();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
