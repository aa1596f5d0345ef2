using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProductStore.Gateway.Proxy;
using ProductStore.ServiceDefaults.Health;

namespace ProductStore.Gateway.Health;

public static class UpstreamHealthChecks
{
    /// <summary>The gateway is ready when every service behind it is: one ready check per cluster, run in parallel.</summary>
    public static IServiceCollection AddUpstreamHealthChecks(this IServiceCollection services)
    {
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience 10.x; the documented way to opt a client out.
        services.AddHttpClient(UpstreamHealthCheck.HttpClientName, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<GatewayOptions>>().Value.UpstreamHealthTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false })
            // A probe reports what it finds: no retries, no circuit breaker between it and the service.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        // Registered when the options are first read, after test and environment settings are in place.
        services.AddOptions<HealthCheckServiceOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            foreach (var cluster in ProxySetup.ClusterIds(configuration))
            {
                options.Registrations.Add(new HealthCheckRegistration(cluster,
                    provider => ActivatorUtilities.CreateInstance<UpstreamHealthCheck>(provider, cluster),
                    failureStatus: HealthStatus.Unhealthy, tags: [HealthEndpoints.ReadyTag]));
            }
        });
        return services;
    }
}
