using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ProductStore.ServiceDefaults.Http;

public static class ServiceClients
{
    /// <summary>
    /// What every HttpClient of a process gets, as in Aspire's service defaults: our resilience pipeline, then service
    /// discovery, which turns a logical address (http://catalog) into the one in services__catalog__http__0.
    /// </summary>
    public static IServiceCollection AddServiceClientDefaults(this IServiceCollection services)
    {
        services.AddServiceDiscovery();
        services.ConfigureHttpClientDefaults(http => http.AddServiceResilienceHandler().AddServiceDiscovery());
        services.PostConfigure<LoggerFilterOptions>(QuietAttemptLogs);
        return services;
    }

    /// <summary>
    /// Polly logs every attempt of every call at Information: a JSON line per call between services, formatted, written
    /// and captured by the AppHost on the request path. Its retries and open circuits are warnings and errors, and stay.
    /// A "Polly" level in configuration (Logging:LogLevel:Polly) wins over this default.
    /// </summary>
    private static void QuietAttemptLogs(LoggerFilterOptions options)
    {
        if (options.Rules.Any(rule => rule.CategoryName == PollyCategory)) return;
        options.Rules.Add(new LoggerFilterRule(providerName: null, PollyCategory, LogLevel.Warning, filter: null));
    }

    private const string PollyCategory = "Polly";

    /// <summary>A typed HttpClient for calling another ProductStore service by its logical name.</summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string service)
        where TClient : class =>
        services.AddHttpClient<TClient>(client => client.BaseAddress = ServiceAddress(service))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(2),
            });

    /// <summary>Calls through this client carry a service token, for another service's internal endpoints.</summary>
    public static IHttpClientBuilder WithServiceToken(this IHttpClientBuilder builder)
    {
        builder.Services.AddOptions<ServiceAuthOptions>().BindConfiguration(ServiceAuthOptions.Section);
        builder.Services.TryAddSingleton<ServiceTokenProvider>();
        builder.Services.AddHttpClient(ServiceTokenProvider.HttpClientName, client => client.BaseAddress = ServiceAddress("users"));
        return builder.AddHttpMessageHandler(provider => new ServiceTokenHandler(provider.GetRequiredService<ServiceTokenProvider>()));
    }

    /// <summary>A service's logical address, for service discovery to resolve.</summary>
    public static Uri ServiceAddress(string service) => new($"http://{service}/");
}
