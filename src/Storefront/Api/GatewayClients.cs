using ProductStore.ServiceDefaults.Http;

namespace ProductStore.Storefront.Api;

public static class GatewayClients
{
    /// <summary>
    /// One typed client per API area, all addressing the gateway by its service name (services__gateway__http__0)
    /// with the shared timeout and resilience pipeline; the shopper's address goes along, and the access token when there is a session.
    /// </summary>
    public static IServiceCollection AddGatewayClients(this IServiceCollection services)
    {
        services.AddTransient<AccessTokenHandler>();
        services.AddTransient<ShopperAddressHandler>();
        services.AddSingleton<SharedCatalogReads>();
        // Account calls carry no session token: they are how a session starts, renews and ends.
        AddGatewayClient<AccountClient>(services);
        AddGatewayClient<CatalogClient>(services).AddHttpMessageHandler<AccessTokenHandler>();
        AddGatewayClient<CartClient>(services).AddHttpMessageHandler<AccessTokenHandler>();
        AddGatewayClient<OrdersClient>(services).AddHttpMessageHandler<AccessTokenHandler>();
        AddGatewayClient<BackOfficeClient>(services).AddHttpMessageHandler<AccessTokenHandler>();
        return services;
    }

    /// <summary>Outermost, a call that gets no answer even after the resilience pipeline becomes a 503 the page can show.</summary>
    private static IHttpClientBuilder AddGatewayClient<TClient>(IServiceCollection services) where TClient : class =>
        services.AddServiceClient<TClient>("gateway").AddHttpMessageHandler<ShopperAddressHandler>().ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            handlers.Insert(0, ActivatorUtilities.CreateInstance<UnreachableApiHandler>(provider)));
}
