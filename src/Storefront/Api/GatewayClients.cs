using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Storefront.Api;

public static class GatewayClients
{
    /// <summary>
    /// One typed client per API area, all addressing the gateway by its service name (services__gateway__http__0)
    /// with the shared timeout and resilience pipeline; the shopper's access token goes along when there is a session.
    /// </summary>
    public static IServiceCollection AddGatewayClients(this IServiceCollection services)
    {
        services.AddTransient<AccessTokenHandler>();
        // Account calls carry no session token: they are how a session starts, renews and ends.
        services.AddServiceClient<AccountClient>("gateway");
        services.AddServiceClient<CatalogClient>("gateway").AddHttpMessageHandler<AccessTokenHandler>();
        services.AddServiceClient<CartClient>("gateway").AddHttpMessageHandler<AccessTokenHandler>();
        services.AddServiceClient<OrdersClient>("gateway").AddHttpMessageHandler<AccessTokenHandler>();
        services.AddServiceClient<BackOfficeClient>("gateway").AddHttpMessageHandler<AccessTokenHandler>();
        return services;
    }
}
