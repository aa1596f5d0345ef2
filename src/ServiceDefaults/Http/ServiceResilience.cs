using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ProductStore.ServiceDefaults.Http;

public static class ServiceResilience
{
    public const string PipelineName = "productstore";

    /// <summary>
    /// The standard handler's order without its rate limiter, with our rules: total timeout → retry (idempotent requests
    /// only) → circuit breaker → per-attempt timeout. Each named client has its own pipeline, so a broken Catalog opens
    /// Catalog's circuit only. Settings: ServiceClients__Timeout, __AttemptTimeout, __MaxRetries.
    /// </summary>
    public static IHttpClientBuilder AddServiceResilienceHandler(this IHttpClientBuilder http)
    {
        http.Services.AddOptions<ServiceClientOptions>().BindConfiguration(ServiceClientOptions.Section);
        http.AddResilienceHandler(PipelineName, static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ServiceClientOptions>>().Value;
            pipeline
                .AddTimeout(options.Timeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    // Polly needs at least one attempt; MaxRetries = 0 turns retrying off in ShouldHandle instead.
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    Delay = TimeSpan.FromMilliseconds(100),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(
                        options.MaxRetries > 0
                        && args.Context.GetRequestMessage() is { } request && request.IsIdempotent()
                        && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 20,
                    SamplingDuration = TimeSpan.FromSeconds(10),
                    BreakDuration = TimeSpan.FromSeconds(5),
                })
                .AddTimeout(options.AttemptTimeout);
        });
        return http;
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
