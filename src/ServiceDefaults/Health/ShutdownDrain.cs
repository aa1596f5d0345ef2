using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductStore.ServiceDefaults.Health;

/// <summary>
/// Zero-loss restarts: when the host begins to stop (SIGTERM), readiness turns 503 at once, and the server keeps
/// accepting for <c>Shutdown:DrainDelay</c> so that load balancers and the gateway stop sending here first; then it
/// stops accepting and in-flight requests finish within the host's shutdown timeout, which the delay counts against.
/// </summary>
public sealed class ShutdownDrain(TimeSpan delay, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    public const string Name = "shutdown";

    private volatile bool _draining;

    /// <summary>Default: 5 s in Production, none elsewhere (development and test shutdowns stay fast).</summary>
    public static TimeSpan DelayFrom(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<TimeSpan?>("Shutdown:DrainDelay") ?? (environment.IsProduction() ? TimeSpan.FromSeconds(5) : TimeSpan.Zero);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("Shutting down.") : HealthCheckResult.Healthy());

    // Runs before any hosted service (the server included) stops.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (delay <= TimeSpan.Zero) return;
        logger.LogInformation("Shutting down: not ready, still serving for {DrainDelay}.", delay);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out first: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
