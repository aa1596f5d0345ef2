using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// X-Forwarded-* believed from <c>&lt;section&gt;:KnownProxies</c>, or from any sender of <c>&lt;section&gt;:ProxySecret</c>
    /// (<see cref="ForwardedHeadersTrustOptions"/>); use with <see cref="UseTrustedForwardedHeaders"/>.
    /// </summary>
    public static IServiceCollection AddForwardedHeadersTrust(this IServiceCollection services, string section)
    {
        services.AddOptions<ForwardedHeadersTrustOptions>().BindConfiguration(section)
            .Validate(trust => trust.ProxySecret is not { Length: > 0 and < ForwardedHeadersTrustOptions.MinimumSecretLength },
                $"{section}:ProxySecret must have at least {ForwardedHeadersTrustOptions.MinimumSecretLength} characters.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersTrustOptions>>(
            (forwarded, trust) => forwarded.TrustOnly(trust.Value.KnownProxies));
        return services;
    }

    /// <summary>ASP.NET Core's forwarded headers middleware, trusting what <see cref="AddForwardedHeadersTrust"/> configured.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<TrustedForwardedHeadersMiddleware>();
}
