using Microsoft.Data.Sqlite;
using ProductStore.Storage;

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
        database.WriteAsync("signing_keys.add", session =>
        {
            session.Command("INSERT INTO signing_keys (singleton, kid, private_key, created_at) VALUES (1, $kid, $key, $created) ON CONFLICT DO NOTHING")
                .With("$kid", key.KeyId).With("$key", key.ProtectedPrivateKey).With("$created", key.CreatedAt.ToStored()).ExecuteNonQuery();
            return session.Command("SELECT kid, private_key, created_at FROM signing_keys WHERE singleton = 1").FirstOrDefault(Read)!;
        }, cancellationToken);

    public Task AddAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync("signing_keys.rotate", session =>
            session.Command("INSERT INTO signing_key_ring (kid, private_key, created_at) VALUES ($kid, $key, $created)")
                .With("$kid", key.KeyId).With("$key", key.ProtectedPrivateKey).With("$created", key.CreatedAt.ToStored()).ExecuteNonQuery(),
            cancellationToken);

    public Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredSigningKey>>("signing_keys.list", session =>
            session.Command(All).List(Read), cancellationToken);

    public Task ReplaceAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync("signing_keys.protect", session =>
        {
            foreach (var table in new[] { "signing_keys", "signing_key_ring" })
            {
                session.Command($"UPDATE {table} SET private_key = $key WHERE kid = $kid")
                    .With("$kid", key.KeyId).With("$key", key.ProtectedPrivateKey).ExecuteNonQuery();
            }
        }, cancellationToken);

    private static StoredSigningKey Read(SqliteDataReader row) => new(row.GetString(0), (byte[])row.GetValue(1), row.GetTimestamp(2));
}
