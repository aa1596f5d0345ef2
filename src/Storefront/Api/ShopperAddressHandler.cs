using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Storefront.Api;

/// <summary>
/// Tells the gateway whose request an API call serves (X-Forwarded-For: the shopper's address), so its per-client rate
/// limits give each shopper a bucket of their own; the gateway believes it only from the storefront (Gateway:KnownProxies,
/// or the proxy secret they share).
/// </summary>
public sealed class ShopperAddressHandler(IHttpContextAccessor accessor, IOptions<ForwardedHeadersTrustOptions> trust) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } shopper)
        {
            request.Headers.Remove(ForwardedHeadersDefaults.XForwardedForHeaderName);
            request.Headers.TryAddWithoutValidation(ForwardedHeadersDefaults.XForwardedForHeaderName, shopper.ToString());
            request.Headers.Remove(ForwardedHeadersTrustOptions.ProxySecretHeader);
            if (trust.Value.ProxySecret is { Length: > 0 } secret)
                request.Headers.TryAddWithoutValidation(ForwardedHeadersTrustOptions.ProxySecretHeader, secret);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
