using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace ProductStore.Gateway.Proxy;

public static class ProxySetup
{
    /// <summary>
    /// Routes and clusters come from the ReverseProxy section; cluster addresses name services, resolved by service
    /// discovery when the configuration loads (not per request).
    /// </summary>
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransformFactory<ProxySecretTransform>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, ServiceAddressValidation>();
        services.AddOptions<GatewayOptions>().ValidateOnStart();
        services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        return services;
    }

    /// <summary>
    /// Maps the proxy with the shortest pipeline that works: no load balancing, affinity or passive health middleware
    /// (YARP picks one of several destinations at random, as service discovery lists a service's replicas); the step
    /// that measures each call and turns failures into problems, and inside it the retry on another replica.
    /// </summary>
    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<UpstreamOutcomes>();
            proxy.UseMiddleware<ConnectFailureRetry>();
        });
        return app;
    }

    /// <summary>The services behind the gateway: one cluster each, named like the service.</summary>
    public static IEnumerable<string> ClusterIds(IConfiguration configuration) =>
        configuration.GetSection("ReverseProxy:Clusters").GetChildren().Select(cluster => cluster.Key);
}
