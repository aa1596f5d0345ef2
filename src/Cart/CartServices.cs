using ProductStore.Cart.Clients;
using ProductStore.Cart.Storage;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Cart;

public static class CartServices
{
    public static WebApplicationBuilder AddCart(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CartJsonContext.Default));
        services.AddSingleton(TimeProvider.System);
        services.AddSqliteDatabase("cart", SqliteCartStore.Migrations);
        services.AddSingleton<ICartStore, SqliteCartStore>();
        services.AddServiceClient<CatalogClient>("catalog");
        services.AddSingleton<CartMetrics>();
        return builder;
    }
}
