using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Health;

namespace ProductStore.ServiceDefaults.Storage;

public static class SqliteStorage
{
    /// <summary>
    /// Registers the service's SQLite database: ConnectionStrings__{name} when set (as Aspire sets it),
    /// otherwise {Storage__DataDirectory}/{name}.sqlite. Migrations run at start-up; /health/ready checks it.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string name, IReadOnlyList<string> migrations)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = configuration.GetConnectionString(name) is { Length: > 0 } configured
                ? configured
                : $"Data Source={Path.Combine(options.DataDirectory, name + ".sqlite")}";
            return new SqliteDatabase(connectionString, readerCount: Math.Max(2, Environment.ProcessorCount * 2),
                TimeSpan.FromSeconds(options.BusyTimeoutSeconds), provider.GetRequiredService<ILogger<SqliteDatabase>>());
        });
        services.AddStorageInitializer(provider => new SqliteMigrator(provider.GetRequiredService<SqliteDatabase>(), migrations,
            provider.GetRequiredService<ILogger<SqliteMigrator>>()));
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    private sealed class SqliteMigrator(SqliteDatabase database, IReadOnlyList<string> migrations, ILogger<SqliteMigrator> logger) : IStorageInitializer
    {
        public async Task InitializeAsync(CancellationToken cancellationToken)
        {
            await database.MigrateAsync(migrations, cancellationToken);
            logger.LogInformation("SQLite database {File} is at schema version {Version}", database.FilePath, migrations.Count);
        }
    }
}
