namespace ProductStore.Gateway;

/// <summary>The gateway's own settings, section "Gateway".</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public GatewayRateLimits RateLimits { get; set; } = new();

    /// <summary>
    /// The port of the management listener (/metrics, the detailed health report) among the ones the gateway listens on;
    /// none: they are served nowhere. Never published: only Prometheus and the orchestrator reach it.
    /// </summary>
    public int? ManagementPort { get; set; }

    /// <summary>How long opening a connection to a service may take before the request fails with 502.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long /health/ready waits for each service's own /health/ready.</summary>
    public TimeSpan UpstreamHealthTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class GatewayRateLimits
{
    /// <summary>Every routed request, per client IP.</summary>
    public TokenBucketLimit Default { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>Login and registration, per client IP: password guessing and account spam get little room.</summary>
    public TokenBucketLimit Auth { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromMinutes(1) };

    /// <summary>The public /health/ready, per client IP: each call asks every service behind the gateway.</summary>
    public TokenBucketLimit Health { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 5, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };
}

public sealed class TokenBucketLimit
{
    public int TokenLimit { get; set; }
    public int TokensPerPeriod { get; set; }
    public TimeSpan ReplenishmentPeriod { get; set; }
}
