using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProductStore.Gateway.RateLimiting;

public static class ClientRateLimits
{
    /// <summary>The policy of every routed request (Gateway:RateLimits:Default); YARP reserves the name "Default".</summary>
    public const string ApiPolicy = "api";

    /// <summary>The policy of login and registration (Gateway:RateLimits:Auth).</summary>
    public const string AuthPolicy = "auth";

    /// <summary>The policy of the public /health/ready (Gateway:RateLimits:Health).</summary>
    public const string HealthPolicy = "health";

    /// <summary>Token buckets per client IP, named by the routes in the ReverseProxy section.</summary>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((options, gateway) =>
        {
            options.AddPolicy(ApiPolicy, new ClientIpTokenBucket(gateway.Value.RateLimits.Default));
            options.AddPolicy(AuthPolicy, new ClientIpTokenBucket(gateway.Value.RateLimits.Auth));
            options.AddPolicy(HealthPolicy, new ClientIpTokenBucket(gateway.Value.RateLimits.Health));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? ApiPolicy;
        context.RequestServices.GetRequiredService<GatewayMetrics>().RateLimited(policy);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Retry after {context.Response.Headers.RetryAfter} seconds.",
            },
        });
    }
}
