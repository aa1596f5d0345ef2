using Microsoft.AspNetCore.Server.Kestrel.Core;
using ProductStore.Gateway.Edge;
using ProductStore.Gateway.Health;
using ProductStore.Gateway.Proxy;
using ProductStore.Gateway.RateLimiting;

namespace ProductStore.Gateway;

public static class GatewayServices
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddSingleton<GatewayMetrics>();
        services.AddGatewayProxy(builder.Configuration);
        services.AddClientForwardedHeaders();
        services.AddClientRateLimits();
        services.AddUpstreamHealthChecks();
        return builder;
    }
}
