using Microsoft.AspNetCore.HttpOverrides;

namespace ProductStore.Storefront.Api;

/// <summary>
/// Tells the gateway whose request an API call serves (X-Forwarded-For: the shopper's address), so its per-client rate
/// limits give each shopper a bucket of their own; the gateway believes it only from the storefront (Gateway:KnownProxies).
/// </summary>
public sealed class ShopperAddressHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } shopper)
        {
            request.Headers.Remove(ForwardedHeadersDefaults.XForwardedForHeaderName);
            request.Headers.TryAddWithoutValidation(ForwardedHeadersDefaults.XForwardedForHeaderName, shopper.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
