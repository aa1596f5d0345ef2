using Microsoft.AspNetCore.HttpOverrides;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Storefront;

public static class ShopperAddress
{
    /// <summary>
    /// The shopper's address as the gateway reports it (X-Forwarded-For), believed only from Storefront:KnownProxies
    /// (the gateway; run mode: loopback): anyone else could claim any address and take another shopper's rate limit.
    /// </summary>
    public static IServiceCollection AddShopperAddress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure(forwarded =>
            forwarded.TrustOnly(configuration.GetSection("Storefront:KnownProxies").Get<string[]>() ?? []));
        return services;
    }
}
