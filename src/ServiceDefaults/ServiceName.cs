namespace ProductStore.ServiceDefaults;

public static class ServiceName
{
    /// <summary>The name this process reports in logs, traces and metrics: OTEL_SERVICE_NAME, as Aspire sets it.</summary>
    public static string From(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : environment.ApplicationName.ToLowerInvariant();
}
