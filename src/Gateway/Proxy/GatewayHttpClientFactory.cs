using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace ProductStore.Gateway.Proxy;

/// <summary>
/// The connections to the services. YARP's defaults already fit a proxy (no system proxy, no cookies, no
/// decompression, no redirects, multiple HTTP/2 connections, unlimited connections per server, pooled);
/// this adds a short connect timeout, so a service that is down fails fast with 502, and a pooled connection
/// lifetime, so a service that moves is found again.
/// </summary>
public sealed class GatewayHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, IOptions<GatewayOptions> options)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = options.Value.ConnectTimeout;
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
    }
}
