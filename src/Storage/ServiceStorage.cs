namespace ProductStore.Storage;

public static class ServiceStorage
{
    public const string BuildHint =
        "Build with the Cassandra provider compiled in: `dotnet build -p:Cassandra=true` (the CassandraCSharpDriver package " +
        "must be restorable; README, section Cassandra, says how), or set Storage__Provider=sqlite.";

    /// <summary>
    /// Registers the service's stores for Storage__Provider, and the 503 a store that cannot serve turns into. A provider
    /// this build lacks stops the start-up with a message saying why.
    /// </summary>
    public static IServiceCollection AddServiceStorage(this IServiceCollection services, IConfiguration configuration, ServiceStores stores)
    {
        var provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] is { Length: > 0 } configured
            ? configured.Trim().ToLowerInvariant()
            : StorageOptions.SqliteProvider;
        switch (provider)
        {
            case StorageOptions.SqliteProvider:
                stores.AddSqlite(services);
                break;
            case StorageOptions.CassandraProvider:
                var addCassandra = stores.AddCassandra ?? throw new InvalidOperationException(
                    $"Storage:Provider is 'cassandra', but this build of {stores.Service} has no Cassandra provider. {BuildHint}");
                addCassandra(services);
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage:Provider '{provider}' is unknown: use '{StorageOptions.SqliteProvider}' or '{StorageOptions.CassandraProvider}'.");
        }
        services.AddExceptionHandler<StorageFailureExceptionHandler>();
        return services;
    }
}
