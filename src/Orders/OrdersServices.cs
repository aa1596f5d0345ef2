using ProductStore.Orders.Checkout;
using ProductStore.Orders.Clients;
using ProductStore.Orders.Progress;
using ProductStore.Orders.Storage;
using ProductStore.ServiceDefaults.Http;
using ProductStore.Storage;

namespace ProductStore.Orders;

public static class OrdersServices
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddJsonContracts(OrdersJsonContext.Default);
        services.AddOptions<OrderProgressOptions>().BindConfiguration(OrderProgressOptions.Section);
        services.AddOptions<CheckoutOptions>().BindConfiguration(CheckoutOptions.Section);

        services.AddServiceStorage(builder.Configuration, OrdersStorage.Stores);

        services.AddServiceClient<CartClient>("cart").WithServiceToken();
        services.AddServiceClient<StockClient>("catalog").WithServiceToken();

        services.AddSingleton<OrdersMetrics>();
        services.AddScoped<CheckoutSaga>();
        services.AddScoped<CheckoutCompensation>();
        services.AddScoped<CheckoutRecovery>();
        services.AddScoped<OrderTransitions>();
        services.AddHostedService<OrderProgressWorker>();
        return builder;
    }
}
