namespace ProductStore.Storage;

public static class StoredTime
{
    /// <summary>
    /// Now, at the millisecond precision stores keep (SQLite and Cassandra alike), so that what a write answers
    /// equals what a later read returns.
    /// </summary>
    public static DateTimeOffset GetStoredNow(this TimeProvider time) =>
        time.GetUtcNow().ToStoredPrecision();

    /// <summary><paramref name="value"/> at the precision stores keep.</summary>
    public static DateTimeOffset ToStoredPrecision(this DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
