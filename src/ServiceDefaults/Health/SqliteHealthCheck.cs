using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.ServiceDefaults.Health;

/// <summary>Ready means a write could start now, on the very file the service opened (see <see cref="SqliteDatabase.ProbeAsync"/>).</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.ProbeAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
}
