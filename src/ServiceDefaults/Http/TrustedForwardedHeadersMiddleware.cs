using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ProductStore.ServiceDefaults.Http;

/// <summary>
/// ASP.NET Core's own forwarded headers middleware, twice: one believes known proxies by address, the other anyone
/// carrying the proxy secret, whatever their address. The secret is taken off every request, so it goes no further.
/// </summary>
public sealed class TrustedForwardedHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ForwardedHeadersMiddleware _fromKnownProxies;
    private readonly ForwardedHeadersMiddleware? _fromSecretHolders;
    private readonly byte[]? _secret;

    public TrustedForwardedHeadersMiddleware(
        RequestDelegate next, ILoggerFactory loggerFactory, IOptions<ForwardedHeadersOptions> byAddress, IOptions<ForwardedHeadersTrustOptions> trust)
    {
        _next = next;
        _fromKnownProxies = new ForwardedHeadersMiddleware(next, loggerFactory, byAddress);
        if (trust.Value.ProxySecret is not { Length: > 0 } secret) return;
        _secret = Encoding.UTF8.GetBytes(secret);
        var fromAnyAddress = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };
        fromAnyAddress.KnownProxies.Clear(); // empty lists: no address check, the secret vouches
        fromAnyAddress.KnownIPNetworks.Clear();
        _fromSecretHolders = new ForwardedHeadersMiddleware(next, loggerFactory, Options.Create(fromAnyAddress));
    }

    public Task Invoke(HttpContext context)
    {
        var carriesSecret = CarriesSecret(context.Request.Headers);
        context.Request.Headers.Remove(ForwardedHeadersTrustOptions.ProxySecretHeader);
        (carriesSecret ? _fromSecretHolders! : _fromKnownProxies).ApplyForwarders(context);
        return _next(context);
    }

    private bool CarriesSecret(IHeaderDictionary headers) =>
        _secret is not null
        && headers[ForwardedHeadersTrustOptions.ProxySecretHeader] is [{ } sent]
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), _secret);
}
