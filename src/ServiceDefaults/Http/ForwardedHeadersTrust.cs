using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ProductStore.ServiceDefaults.Http;

public static class ForwardedHeadersTrust
{
    /// <summary>
    /// Believe X-Forwarded-For/Proto/Host from these proxies only (addresses, or networks as <c>10.0.0.0/8</c>): anyone
    /// else could claim any client address or host. None: believe nobody (the middleware's default would be loopback).
    /// </summary>
    public static void TrustOnly(this ForwardedHeadersOptions options, IEnumerable<string> proxies)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (proxy.Contains('/', StringComparison.Ordinal)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            else options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        // Empty lists would mean "trust everyone" to the middleware, so with no known proxy it reads no forwarded header.
        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
            : ForwardedHeaders.None;
    }
}
