namespace ProductStore.ServiceDefaults.Storage;

/// <summary>Storage__Provider (sqlite | cassandra) and Storage__DataDirectory, where SQLite files live by default.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string SqliteProvider = "sqlite";
    public const string CassandraProvider = "cassandra";

    public string Provider { get; set; } = SqliteProvider;
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Longest a request waits for the database (a lock another process holds, the writes queued ahead): then 503.</summary>
    public int BusyTimeoutSeconds { get; set; } = 5;
}
