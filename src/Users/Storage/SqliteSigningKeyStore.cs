using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Storage;

/// <summary>The first key in the one-row signing_keys table, rotated ones in signing_key_ring.</summary>
public sealed class SqliteSigningKeyStore(SqliteDatabase database) : ISigningKeyStore
{
    private const string All = """
        SELECT kid, private_key, created_at FROM signing_keys
        UNION ALL SELECT kid, private_key, created_at FROM signing_key_ring
        ORDER BY created_at DESC, kid
        """;

    public Task<StoredSigningKey> AddIfNoneAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync("signing_keys.add", async (session, ct) =>
        {
            session.Command("INSERT INTO signing_keys (singleton, kid, private_key, created_at) VALUES (1, $kid, $key, $created) ON CONFLICT DO NOTHING")
                .With("$kid", key.KeyId).With("$key", key.ProtectedPrivateKey).With("$created", key.CreatedAt.ToStored()).ExecuteNonQuery();
            return (await session.Command("SELECT kid, private_key, created_at FROM signing_keys WHERE singleton = 1").FirstOrDefaultAsync(Read, ct))!;
        }, cancellationToken).AsTask();

    public Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync("signing_keys.rotate", (session, _) => ValueTask.FromResult(
            session.Command("INSERT INTO signing_key_ring (kid, private_key, created_at) VALUES ($kid, $key, $created)")
                .With("$kid", key.KeyId).With("$key", key.ProtectedPrivateKey).With("$created", key.CreatedAt.ToStored()).ExecuteNonQuery()),
            cancellationToken).AsTask();

    public Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredSigningKey>>("signing_keys.list", async (session, ct) =>
            await session.Command(All).ListAsync(Read, ct), cancellationToken).AsTask();

    public Task ReplaceAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync("signing_keys.protect", (session, _) =>
        {
            foreach (var table in new[] { "signing_keys", "signing_key_ring" })
            {
                session.Command($"UPDATE {table} SET private_key = $key WHERE kid = $kid")
                    .With("$kid", key.KeyId).With("$key", key.ProtectedPrivateKey).ExecuteNonQuery();
            }
            return ValueTask.FromResult(true);
        }, cancellationToken).AsTask();

    private static StoredSigningKey Read(SqliteDataReader row) => new(row.GetString(0), (byte[])row.GetValue(1), row.GetTimestamp(2));
}
