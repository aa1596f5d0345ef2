namespace ProductStore.Catalog.Domain;

public static class StoredTime
{
    /// <summary>
    /// Now, at the millisecond precision stores keep (SQLite and Cassandra alike), so that what a write answers
    /// equals what a later read returns.
    /// </summary>
    public static DateTimeOffset GetStoredNow(this TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
