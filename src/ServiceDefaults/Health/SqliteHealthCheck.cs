using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.ServiceDefaults.Health;

/// <summary>Ready means the database answers a query.</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ReadAsync("health", (session, ct) =>
                ValueTask.FromResult(session.Command("SELECT 1").ExecuteScalar()), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
