using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// A lock row per user, taken by INSERT … IF NOT EXISTS and handed over from a dead holder by compare-and-set on the
/// holder and the time it locked, so of several takers exactly one wins.
/// </summary>
public sealed class CassandraCartCheckoutLocks(CassandraDatabase database) : ICartCheckoutLocks
{
    public async Task<CartLockOutcome> TryLockAsync(Guid userId, string key, Guid owner, DateTimeOffset now, DateTimeOffset staleBefore,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var (locked, holder) = await database.ExecuteConditionalAsync("cart_checkouts.lock",
                "INSERT INTO cart_checkouts (user_id, idempotency_key, owner, locked_at) VALUES (?, ?, ?, ?) IF NOT EXISTS", userId, key, owner, now);
            if (locked) return CartLockOutcome.Acquired;
            var (heldBy, heldFor, lockedAt) = (holder.GetValue<Guid>("owner"), holder.GetValue<string>("idempotency_key"), holder.GetValue<DateTimeOffset>("locked_at"));
            if (heldBy == owner) return CartLockOutcome.Acquired;
            if (lockedAt >= staleBefore) return heldFor == key ? CartLockOutcome.HeldBySameKey : CartLockOutcome.HeldByOtherKey;
            var (tookOver, _) = await database.ExecuteConditionalAsync("cart_checkouts.lock",
                "UPDATE cart_checkouts SET idempotency_key = ?, owner = ?, locked_at = ? WHERE user_id = ? IF owner = ? AND locked_at = ?",
                key, owner, now, userId, heldBy, lockedAt);
            if (tookOver) return CartLockOutcome.Acquired;
            // Someone else took it over or unlocked it meanwhile: look again.
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task UnlockAsync(Guid userId, Guid owner, CancellationToken cancellationToken) =>
        database.ExecuteConditionalAsync("cart_checkouts.unlock", "DELETE FROM cart_checkouts WHERE user_id = ? IF owner = ?", userId, owner);
}
