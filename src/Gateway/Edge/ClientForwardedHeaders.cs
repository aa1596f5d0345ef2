using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ProductStore.Gateway.Edge;

public static class ClientForwardedHeaders
{
    /// <summary>
    /// The client's address, scheme and host, as a proxy in front of the gateway reports them, but only a proxy listed
    /// in Gateway:KnownProxies: anyone else could claim any address and escape their rate limit. YARP then sends the
    /// result on to the services as X-Forwarded-For/Proto/Host, replacing whatever the client sent.
    /// </summary>
    public static IServiceCollection AddClientForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>((forwarded, gateway) =>
        {
            // The defaults trust loopback; we trust only what is configured. Empty lists would mean "trust everyone"
            // to the middleware, so with no known proxy it reads no forwarded header at all.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in gateway.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            forwarded.ForwardedHeaders = forwarded.KnownProxies.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
        });
        return services;
    }
}
