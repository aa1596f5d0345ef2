using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Users.Storage;

public sealed class SqliteSigningKeyStore(SqliteDatabase database) : ISigningKeyStore
{
    public Task<StoredSigningKey?> CurrentAsync(CancellationToken cancellationToken) =>
        database.ReadAsync("signing_keys.current", (session, ct) =>
            session.Command("SELECT kid, private_key, created_at FROM signing_keys WHERE singleton = 1")
                .FirstOrDefaultAsync(r => new StoredSigningKey(r.GetString(0), (byte[])r.GetValue(1), r.GetTimestamp(2)), ct), cancellationToken).AsTask();

    public Task<StoredSigningKey> AddIfNoneAsync(StoredSigningKey key, CancellationToken cancellationToken) =>
        database.WriteAsync("signing_keys.add", async (session, ct) =>
        {
            session.Command("INSERT INTO signing_keys (singleton, kid, private_key, created_at) VALUES (1, $kid, $key, $created) ON CONFLICT DO NOTHING")
                .With("$kid", key.KeyId).With("$key", key.PrivateKeyPkcs8).With("$created", key.CreatedAt.ToStored()).ExecuteNonQuery();
            return (await session.Command("SELECT kid, private_key, created_at FROM signing_keys WHERE singleton = 1")
                .FirstOrDefaultAsync(r => new StoredSigningKey(r.GetString(0), (byte[])r.GetValue(1), r.GetTimestamp(2)), ct))!;
        }, cancellationToken).AsTask();
}
