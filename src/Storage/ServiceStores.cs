namespace ProductStore.Storage;

/// <summary>
/// A service's stores on each provider: the SQLite ones always, the Cassandra ones only in a build with
/// -p:Cassandra=true, which compiles the service's Storage/Cassandra folder and defines CASSANDRA (Directory.Build.targets).
/// </summary>
public sealed record ServiceStores(string Service, Action<IServiceCollection> AddSqlite, Action<IServiceCollection>? AddCassandra)
{
    public bool HasCassandra => AddCassandra is not null;
}
