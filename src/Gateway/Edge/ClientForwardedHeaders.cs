using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Gateway.Edge;

public static class ClientForwardedHeaders
{
    /// <summary>
    /// The client's address, scheme and host, as a proxy in front of the gateway reports them, but only a proxy listed
    /// in Gateway:KnownProxies or the storefront with Gateway:ProxySecret: anyone else could claim any address and escape
    /// their rate limit. YARP then sends the result on to the services as X-Forwarded-For/Proto/Host, replacing whatever
    /// the client sent.
    /// </summary>
    public static IServiceCollection AddClientForwardedHeaders(this IServiceCollection services) =>
        services.AddForwardedHeadersTrust(GatewayOptions.Section);
}
