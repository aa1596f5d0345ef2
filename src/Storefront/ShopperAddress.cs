using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Storefront;

public static class ShopperAddress
{
    /// <summary>
    /// The shopper's address as the gateway reports it (X-Forwarded-For), believed only from Storefront:KnownProxies
    /// (run mode: loopback) or with Storefront:ProxySecret (deployments): anyone else could claim any address and take
    /// another shopper's rate limit.
    /// </summary>
    public static IServiceCollection AddShopperAddress(this IServiceCollection services) =>
        services.AddForwardedHeadersTrust("Storefront");
}
