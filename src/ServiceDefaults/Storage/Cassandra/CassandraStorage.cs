using Cassandra;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Health;

namespace ProductStore.ServiceDefaults.Storage.Cassandra;

public static class CassandraStorage
{
    /// <summary>
    /// Registers the service's keyspace (ConnectionStrings__cassandra; the keyspace defaults to <paramref name="name"/>),
    /// its schema migrations at start-up and a readiness check.
    /// </summary>
    public static IServiceCollection AddCassandraDatabase(this IServiceCollection services, string name, IReadOnlyList<string> migrations)
    {
        services.AddOptions<CassandraOptions>().BindConfiguration(CassandraOptions.Section);
        services.AddSingleton(provider => new CassandraDatabase(
            CassandraSettings.Parse(provider.GetRequiredService<IConfiguration>().GetConnectionString(CassandraSettings.ConnectionStringName), name),
            provider.GetRequiredService<IOptions<CassandraOptions>>().Value));
        services.AddStorageInitializer(provider => new CassandraSchema(provider.GetRequiredService<CassandraDatabase>(), migrations,
            provider.GetRequiredService<ILogger<CassandraSchema>>()));
        services.AddHealthChecks().AddCheck<CassandraHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    private sealed class CassandraHealthCheck(CassandraDatabase database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                // A read of the service's own keyspace at the consistency its writes use: ready while enough replicas answer.
                await database.ExecuteAsync("health", new SimpleStatement("SELECT version FROM schema_migrations LIMIT 1")
                    .SetConsistencyLevel(database.Options.Consistency)).WaitAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("Cassandra does not answer.", e);
            }
        }
    }
}
