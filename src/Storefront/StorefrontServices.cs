using ProductStore.Storefront.Api;
using ProductStore.Storefront.Catalog;
using ProductStore.Storefront.Session;
using ProductStore.Storefront.Shopping;

namespace ProductStore.Storefront;

public static class StorefrontServices
{
    /// <summary>Static server rendering (interactive on the server only where it earns it), the shopper's session cookie, and typed clients of the public API behind the gateway.</summary>
    public static WebApplicationBuilder AddStorefront(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddOnDemandAntiforgery();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddCatalogPageCache();
        builder.Services.AddShopperAddress();
        builder.Services.AddSessionKeys(builder.Configuration);
        builder.Services.AddShopperSession();
        builder.Services.AddGatewayClients();
        builder.Services.AddScoped<ShoppingCart>();
        builder.Services.AddScoped<BrowserCartLines>();
        return builder;
    }
}
