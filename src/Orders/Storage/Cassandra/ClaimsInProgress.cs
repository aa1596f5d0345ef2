using ProductStore.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// The checkouts_in_progress index, oldest claim first, for recovery. Every unfinished claim has a row at its
/// claimed_at: a row is written before the change that makes it true and deleted after the change that makes it
/// false, so a crash in between leaves an extra row (which <see cref="CassandraCheckoutStore.FindStaleAsync"/>
/// checks against the claim) but never a claim recovery cannot find.
/// </summary>
internal sealed class ClaimsInProgress(CassandraDatabase database)
{
    // One partition: only claims in flight are here, a handful at a time.
    private const int Shard = 0;

    public Task AddAsync(Guid userId, string key, DateTimeOffset claimedAt) => database.ExecuteAsync("checkouts.index_claim",
        "INSERT INTO checkouts_in_progress (shard, claimed_at, user_id, idempotency_key) VALUES (?, ?, ?, ?)",
        Shard, claimedAt, userId, key);

    public Task RemoveAsync(Guid userId, string key, DateTimeOffset claimedAt) => database.ExecuteAsync("checkouts.unindex_claim",
        "DELETE FROM checkouts_in_progress WHERE shard = ? AND claimed_at = ? AND user_id = ? AND idempotency_key = ?",
        Shard, claimedAt, userId, key);

    /// <summary>The rows claimed before <paramref name="claimedBefore"/>, oldest first, to check against their claims.</summary>
    public async Task<IReadOnlyList<(Guid UserId, string Key, DateTimeOffset ClaimedAt)>> OlderThanAsync(DateTimeOffset claimedBefore, int limit) =>
        (await database.ExecuteAsync("checkouts.find_stale",
            "SELECT user_id, idempotency_key, claimed_at FROM checkouts_in_progress WHERE shard = ? AND claimed_at < ? LIMIT ?",
            Shard, claimedBefore, limit))
        .Select(row => (row.GetValue<Guid>("user_id"), row.GetValue<string>("idempotency_key"), row.GetValue<DateTimeOffset>("claimed_at")))
        .ToList();
}
