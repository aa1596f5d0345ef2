using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// A lock row per user, taken by INSERT … IF NOT EXISTS and handed over from a dead holder by compare-and-set on the
/// holder and the time it locked, so of several takers exactly one wins.
/// </summary>
public sealed class CassandraCartCheckoutLocks(CassandraDatabase database) : ICartCheckoutLocks
{
    public async Task<bool> TryLockAsync(Guid userId, string key, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (locked, holder) = await database.ExecuteConditionalAsync("cart_checkouts.lock",
                "INSERT INTO cart_checkouts (user_id, idempotency_key, locked_at) VALUES (?, ?, ?) IF NOT EXISTS", userId, key, now);
            if (locked) return true;
            var (heldBy, lockedAt) = (holder.GetValue<string>("idempotency_key"), holder.GetValue<DateTimeOffset>("locked_at"));
            if (heldBy == key) return true;
            if (lockedAt >= staleBefore) return false;
            var (tookOver, _) = await database.ExecuteConditionalAsync("cart_checkouts.lock",
                "UPDATE cart_checkouts SET idempotency_key = ?, locked_at = ? WHERE user_id = ? IF idempotency_key = ? AND locked_at = ?",
                key, now, userId, heldBy, lockedAt);
            if (tookOver) return true;
            // Someone else took it over or unlocked it meanwhile: look again.
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task UnlockAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        database.ExecuteConditionalAsync("cart_checkouts.unlock", "DELETE FROM cart_checkouts WHERE user_id = ? IF idempotency_key = ?", userId, key);
}
