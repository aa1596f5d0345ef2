using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Orders.Storage;

public sealed class SqliteCartCheckoutLocks(SqliteDatabase database) : ICartCheckoutLocks
{
    public Task<bool> TryLockAsync(Guid userId, string key, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        database.WriteAsync("cart_checkouts.lock", (session, _) => ValueTask.FromResult(session.Command("""
                INSERT INTO cart_checkouts (user_id, idempotency_key, locked_at) VALUES ($user, $key, $now)
                ON CONFLICT (user_id) DO UPDATE SET idempotency_key = excluded.idempotency_key, locked_at = excluded.locked_at
                WHERE cart_checkouts.idempotency_key = excluded.idempotency_key OR cart_checkouts.locked_at < $stale
                """)
            .With("$user", userId).With("$key", key).With("$now", now.ToStored()).With("$stale", staleBefore.ToStored())
            .ExecuteNonQuery() == 1), cancellationToken).AsTask();

    public Task UnlockAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        database.WriteAsync("cart_checkouts.unlock", (session, _) => ValueTask.FromResult(session.Command(
                "DELETE FROM cart_checkouts WHERE user_id = $user AND idempotency_key = $key")
            .With("$user", userId).With("$key", key).ExecuteNonQuery()), cancellationToken).AsTask();
}
