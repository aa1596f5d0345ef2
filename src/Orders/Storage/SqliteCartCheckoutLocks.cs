using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Orders.Storage;

public sealed class SqliteCartCheckoutLocks(SqliteDatabase database) : ICartCheckoutLocks
{
    public Task<CartLockOutcome> TryLockAsync(Guid userId, string key, Guid owner, DateTimeOffset now, DateTimeOffset staleBefore,
        CancellationToken cancellationToken) =>
        database.WriteAsync("cart_checkouts.lock", async (session, ct) =>
        {
            var holder = await session.Command("SELECT idempotency_key, owner, locked_at FROM cart_checkouts WHERE user_id = $user")
                .With("$user", userId).FirstOrDefaultAsync(r => (Key: r.GetString(0), Owner: r.GetGuid(1), LockedAt: r.GetTimestamp(2)), ct);
            if (holder is { } held && held.Owner != owner && held.LockedAt >= staleBefore)
                return held.Key == key ? CartLockOutcome.HeldBySameKey : CartLockOutcome.HeldByOtherKey;
            session.Command("""
                    INSERT INTO cart_checkouts (user_id, idempotency_key, owner, locked_at) VALUES ($user, $key, $owner, $now)
                    ON CONFLICT (user_id) DO UPDATE SET idempotency_key = excluded.idempotency_key, owner = excluded.owner, locked_at = excluded.locked_at
                    """)
                .With("$user", userId).With("$key", key).With("$owner", owner).With("$now", now.ToStored()).ExecuteNonQuery();
            return CartLockOutcome.Acquired;
        }, cancellationToken).AsTask();

    public Task UnlockAsync(Guid userId, Guid owner, CancellationToken cancellationToken) =>
        database.WriteAsync("cart_checkouts.unlock", (session, _) => ValueTask.FromResult(session.Command(
                "DELETE FROM cart_checkouts WHERE user_id = $user AND owner = $owner")
            .With("$user", userId).With("$owner", owner).ExecuteNonQuery()), cancellationToken).AsTask();
}
