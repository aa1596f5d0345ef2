using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Catalog;

/// <summary>
/// An anonymous shopper's catalog page is the same for everyone for a second, so it is rendered once and served from memory,
/// keyed by its whole URL (the filters). ASP.NET Core's output cache already skips signed-in shoppers and any answer that
/// sets a cookie; a page showing a problem (API down, rate limited) is not kept either. Its prices and stock may then be up
/// to 2 s old (the API reads behind it are shared for a second too); checkout still checks both at the API.
/// </summary>
public static class CatalogPageCache
{
    public const string Policy = "catalog-page";

    public static IServiceCollection AddCatalogPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // Shoppers choose the URLs (an entry each, ~12 KB): bounded, least recently used dropped first.
            options.SizeLimit = 32 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                .Expire(SharedCatalogReads.KeptFor)
                // Enhanced navigation streams the listing, a full page load does not: two different answers to one URL.
                .SetVaryByHeader(HeaderNames.Accept));
        });

    /// <summary>Keeps this answer out of the cache: it shows a problem that the next shopper should not inherit.</summary>
    public static void DoNotKeep(HttpContext? context)
    {
        if (context?.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
    }
}
