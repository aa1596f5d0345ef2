using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ProductStore.ServiceDefaults.Http;

public static class ServiceClients
{
    /// <summary>
    /// A typed HttpClient for calling another ProductStore service: its address from services__{name}__http__0,
    /// an overall timeout, and the shared resilience pipeline (retries for idempotent calls, circuit breaker).
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string service)
        where TClient : class
    {
        services.AddOptions<ServiceClientOptions>().BindConfiguration(ServiceClientOptions.Section);
        services.TryAddSingleton<ServiceResiliencePipelines>();
        return services.AddHttpClient<TClient>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IConfiguration>().GetRequiredServiceUri(service);
                client.Timeout = provider.GetRequiredService<IOptions<ServiceClientOptions>>().Value.Timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(2),
            })
            .AddHttpMessageHandler(provider => new ResilienceHandler(
                provider.GetRequiredService<ServiceResiliencePipelines>().For(service)));
    }

    /// <summary>Calls through this client carry a service token, for another service's internal endpoints.</summary>
    public static IHttpClientBuilder WithServiceToken(this IHttpClientBuilder builder)
    {
        builder.Services.AddOptions<ServiceAuthOptions>().BindConfiguration(ServiceAuthOptions.Section);
        builder.Services.TryAddSingleton<ServiceTokenProvider>();
        builder.Services.AddHttpClient(ServiceTokenProvider.HttpClientName, (provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IConfiguration>().GetRequiredServiceUri("users");
            client.Timeout = provider.GetRequiredService<IOptions<ServiceClientOptions>>().Value.Timeout;
        });
        return builder.AddHttpMessageHandler(provider => new ServiceTokenHandler(provider.GetRequiredService<ServiceTokenProvider>()));
    }
}

public sealed class ServiceClientOptions
{
    public const string Section = "ServiceClients";
    /// <summary>Longest a call to another service may take, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);
    public int MaxRetries { get; set; } = 2;
}
