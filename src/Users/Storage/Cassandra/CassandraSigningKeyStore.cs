using Cassandra;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Users.Storage.Cassandra;

/// <summary>
/// The first key in signing_keys' one row (the first replica's INSERT … IF NOT EXISTS wins, and the losers are handed
/// the winner's key); keys made by rotation in signing_key_ring, one small partition.
/// </summary>
public sealed class CassandraSigningKeyStore(CassandraDatabase database) : ISigningKeyStore
{
    private const string Name = "current";
    private const string Ring = "users";

    public async Task<StoredSigningKey> AddIfNoneAsync(StoredSigningKey key, CancellationToken cancellationToken)
    {
        var (added, existing) = await database.ExecuteConditionalAsync("signing_keys.add",
            "INSERT INTO signing_keys (name, kid, private_key, created_at) VALUES (?, ?, ?, ?) IF NOT EXISTS",
            Name, key.KeyId, key.ProtectedPrivateKey, key.CreatedAt);
        return added ? key : Read(existing);
    }

    public Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.ExecuteAsync("signing_keys.rotate", "INSERT INTO signing_key_ring (ring, kid, private_key, created_at) VALUES (?, ?, ?, ?)",
            Ring, key.KeyId, key.ProtectedPrivateKey, key.CreatedAt);

    public async Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        var first = await database.SingleAsync("signing_keys.list", "SELECT kid, private_key, created_at FROM signing_keys WHERE name = ?", Name);
        var rotated = await database.ExecuteAsync("signing_keys.list", "SELECT kid, private_key, created_at FROM signing_key_ring WHERE ring = ?", Ring);
        return rotated.Select(Read).Concat(first is null ? [] : [Read(first)])
            .OrderByDescending(key => key.CreatedAt).ThenBy(key => key.KeyId, StringComparer.Ordinal).ToList();
    }

    public async Task ReplaceAsync(StoredSigningKey key, CancellationToken cancellationToken)
    {
        // Conditional, so neither write brings back a row that is not there.
        await database.ExecuteConditionalAsync("signing_keys.protect",
            "UPDATE signing_keys SET private_key = ? WHERE name = ? IF kid = ?", key.ProtectedPrivateKey, Name, key.KeyId);
        await database.ExecuteConditionalAsync("signing_keys.protect",
            "UPDATE signing_key_ring SET private_key = ? WHERE ring = ? AND kid = ? IF created_at = ?", key.ProtectedPrivateKey, Ring, key.KeyId, key.CreatedAt);
    }

    private static StoredSigningKey Read(Row row) =>
        new(row.GetValue<string>("kid"), row.GetValue<byte[]>("private_key"), row.GetValue<DateTimeOffset>("created_at"));
}
