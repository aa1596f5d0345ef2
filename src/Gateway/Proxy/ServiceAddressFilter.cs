using ProductStore.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace ProductStore.Gateway.Proxy;

/// <summary>
/// Destinations are written as service names (http://catalog); this puts in each service's real address from
/// services__catalog__http__0, as Aspire's service discovery would. A service without an address fails the load,
/// and with it the gateway's startup, naming the variable to set.
/// </summary>
public sealed class ServiceAddressFilter(IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.Destinations is not { Count: > 0 } destinations) return ValueTask.FromResult(cluster);
        var resolved = destinations.ToDictionary(
            destination => destination.Key,
            destination => destination.Value with { Address = Resolve(destination.Value.Address) },
            StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(cluster with { Destinations = resolved });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);

    private string Resolve(string address) =>
        configuration.GetRequiredServiceUri(new Uri(address).Host).ToString();
}
