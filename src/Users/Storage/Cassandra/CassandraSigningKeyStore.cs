using Cassandra;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>One row: the first replica's INSERT … IF NOT EXISTS wins, and the losers are handed the winner's key.</summary>
public sealed class CassandraSigningKeyStore(CassandraDatabase database) : ISigningKeyStore
{
    private const string Name = "current";

    public async Task<StoredSigningKey?> CurrentAsync(CancellationToken cancellationToken) =>
        await database.SingleAsync("signing_keys.current", "SELECT kid, private_key, created_at FROM signing_keys WHERE name = ?", Name)
            is { } row ? Read(row) : null;

    public async Task<StoredSigningKey> AddIfNoneAsync(StoredSigningKey key, CancellationToken cancellationToken)
    {
        var (added, existing) = await database.ExecuteConditionalAsync("signing_keys.add",
            "INSERT INTO signing_keys (name, kid, private_key, created_at) VALUES (?, ?, ?, ?) IF NOT EXISTS",
            Name, key.KeyId, key.PrivateKeyPkcs8, key.CreatedAt);
        return added ? key : Read(existing);
    }

    private static StoredSigningKey Read(Row row) =>
        new(row.GetValue<string>("kid"), row.GetValue<byte[]>("private_key"), row.GetValue<DateTimeOffset>("created_at"));
}
