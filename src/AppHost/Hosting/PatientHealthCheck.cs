using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductStore.AppHost.Hosting;

/// <summary>A health check asked again until it is healthy or <paramref name="patience"/> has passed.</summary>
public sealed class PatientHealthCheck(IHealthCheck check, TimeSpan patience, TimeSpan interval, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var giveUpAt = time.GetTimestamp() + (long)(patience.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var result = await check.CheckHealthAsync(context, cancellationToken);
            if (result.Status == HealthStatus.Healthy || time.GetTimestamp() >= giveUpAt) return result;
            await Task.Delay(interval, time, cancellationToken);
        }
    }
}
