using ProductStore.Cart.Clients;
using ProductStore.Cart.Storage;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Cart;

public static class CartServices
{
    public static WebApplicationBuilder AddCart(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CartJsonContext.Default));
        services.AddSingleton(TimeProvider.System);
        CartStorage.Add(services, builder.Configuration);
        services.AddServiceClient<CatalogClient>("catalog");
        services.AddSingleton<CartMetrics>();
        return builder;
    }
}
