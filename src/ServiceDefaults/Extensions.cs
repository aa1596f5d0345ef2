using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Health;
using ProductStore.ServiceDefaults.Logging;
using ProductStore.ServiceDefaults.OpenApi;
using ProductStore.ServiceDefaults.Problems;
using ProductStore.ServiceDefaults.Telemetry;

namespace ProductStore.ServiceDefaults;

/// <summary>What every ProductStore process shares, in the spirit of Aspire's ServiceDefaults.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddJsonLogging();
        builder.AddTelemetry();
        builder.AddProblemResponses();
        builder.AddDefaultHealthChecks();
        builder.AddJwtValidation();
        builder.AddOpenApiDocument();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(
            builder.Configuration.GetValue("ShutdownTimeoutSeconds", 20)));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
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
