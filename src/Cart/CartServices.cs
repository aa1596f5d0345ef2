using ProductStore.Cart.Clients;
using ProductStore.Cart.Storage;
using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Cart;

public static class CartServices
{
    public static WebApplicationBuilder AddCart(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddJsonContracts(CartJsonContext.Default);
        CartStorage.Add(services, builder.Configuration);
        services.AddServiceClient<CatalogClient>("catalog");
        services.AddSingleton<CartMetrics>();
        return builder;
    }
}
