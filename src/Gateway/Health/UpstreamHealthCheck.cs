using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace ProductStore.Gateway.Health;

/// <summary>Asks one service behind the gateway for its own /health/ready, at the address the proxy uses.</summary>
public sealed class UpstreamHealthCheck(string cluster, IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "upstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(cluster, out var state) || state.Destinations.Values.FirstOrDefault()?.Model is not { } destination)
        {
            return HealthCheckResult.Unhealthy($"The gateway has no address for {cluster}.");
        }
        var address = new Uri(new Uri(destination.Config.Address), "health/ready");
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(address, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{cluster} is not ready ({(int)response.StatusCode}).");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The reason is enough: a stack trace per probe would flood the log while a service is down.
            return HealthCheckResult.Unhealthy($"{cluster} does not answer: {e.Message}");
        }
    }
}
