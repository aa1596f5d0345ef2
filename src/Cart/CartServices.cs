using ProductStore.Cart.Clients;
using ProductStore.Cart.Storage;
using ProductStore.ServiceDefaults.Http;
using ProductStore.Storage;

namespace ProductStore.Cart;

public static class CartServices
{
    public static WebApplicationBuilder AddCart(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddJsonContracts(CartJsonContext.Default);
        services.AddServiceStorage(builder.Configuration, CartStorage.Stores);
        services.AddServiceClient<CatalogClient>("catalog");
        services.AddSingleton<CartMetrics>();
        return builder;
    }
}
