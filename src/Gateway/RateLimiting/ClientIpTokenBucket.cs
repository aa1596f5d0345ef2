using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProductStore.Gateway.RateLimiting;

/// <summary>One token bucket per client IP. The factory is built once, so choosing a partition allocates nothing.</summary>
public sealed class ClientIpTokenBucket : IRateLimiterPolicy<IPAddress>
{
    private readonly Func<IPAddress, RateLimiter> _createBucket;

    public ClientIpTokenBucket(TokenBucketLimit limit)
    {
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.TokenLimit,
            TokensPerPeriod = limit.TokensPerPeriod,
            ReplenishmentPeriod = limit.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _createBucket = _ => new TokenBucketRateLimiter(options);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    // No address (a Unix socket, an in-memory test server): one shared bucket.
    public RateLimitPartition<IPAddress> GetPartition(HttpContext httpContext) =>
        new(httpContext.Connection.RemoteIpAddress ?? IPAddress.None, _createBucket);
}
