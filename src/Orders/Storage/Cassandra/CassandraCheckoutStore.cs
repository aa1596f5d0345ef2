using Cassandra;
using ProductStore.Orders.Checkout;
using ProductStore.Orders.Domain;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// Claims are lightweight transactions on their (user, key) partition: inserted if absent, and changed only while
/// unfinished and still at the claimed_at last seen. Knowing that claimed_at keeps <see cref="ClaimsInProgress"/> exact.
/// </summary>
public sealed class CassandraCheckoutStore(CassandraDatabase database) : ICheckoutStore
{
    private const string Columns = "user_id, idempotency_key, order_id, fingerprint, completed, claimed_at";
    private const string IfUnfinishedAt = "WHERE user_id = ? AND idempotency_key = ? IF completed = false AND claimed_at = ?";
    private readonly ClaimsInProgress _inProgress = new(database);

    public async Task<(CheckoutClaim Claim, bool Inserted)> ClaimAsync(CheckoutClaim candidate, CancellationToken cancellationToken)
    {
        await _inProgress.AddAsync(candidate.UserId, candidate.Key, candidate.ClaimedAt);
        var (inserted, row) = await database.ExecuteConditionalAsync("checkouts.claim",
            $"INSERT INTO checkouts ({Columns}) VALUES (?, ?, ?, ?, false, ?) IF NOT EXISTS",
            candidate.UserId, candidate.Key, candidate.OrderId, candidate.Fingerprint, candidate.ClaimedAt);
        if (inserted) return (candidate, true);
        var stored = Read(row);
        if (stored.Completed || stored.ClaimedAt != candidate.ClaimedAt) await _inProgress.RemoveAsync(candidate.UserId, candidate.Key, candidate.ClaimedAt);
        return (stored, false);
    }

    public async Task<CheckoutClaim?> FindAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        await database.SingleAsync("checkouts.find", $"SELECT {Columns} FROM checkouts WHERE user_id = ? AND idempotency_key = ?", userId, key) is { } row
            ? Read(row)
            : null;

    public async Task CompleteAsync(CheckoutClaim claim, Order order, CancellationToken cancellationToken)
    {
        // A recovered checkout may store its order again: the one stored first stays, and its copies are rewritten.
        var (inserted, existing) = await database.ExecuteConditionalAsync("checkouts.complete",
            $"INSERT INTO orders ({OrderRows.Columns}) VALUES ({OrderRows.Markers}) IF NOT EXISTS", OrderRows.Values(order));
        await OrderCopies.WriteAsync(database, "checkouts.complete", inserted ? order : OrderRows.Read(existing), previous: null);
        await ChangeUnfinishedAsync("checkouts.complete", $"UPDATE checkouts SET completed = true {IfUnfinishedAt}", [], claim.UserId, claim.Key, claim.ClaimedAt);
    }

    public async Task<bool> TryTakeOverAsync(CheckoutClaim claim, DateTimeOffset seenClaimedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _inProgress.AddAsync(claim.UserId, claim.Key, now);
        var (applied, row) = await database.ExecuteConditionalAsync("checkouts.take_over",
            $"UPDATE checkouts SET claimed_at = ? {IfUnfinishedAt}", now, claim.UserId, claim.Key, seenClaimedAt);
        if (applied) await _inProgress.RemoveAsync(claim.UserId, claim.Key, seenClaimedAt);
        else if (UnfinishedClaimedAt(row) != now) await _inProgress.RemoveAsync(claim.UserId, claim.Key, now);
        return applied;
    }

    public async Task AbandonAsync(CheckoutClaim claim, CancellationToken cancellationToken)
    {
        var abandonedAt = DateTimeOffset.UnixEpoch;
        await _inProgress.AddAsync(claim.UserId, claim.Key, abandonedAt);
        var wasClaimedAt = await ChangeUnfinishedAsync("checkouts.abandon", $"UPDATE checkouts SET claimed_at = ? {IfUnfinishedAt}",
            [abandonedAt], claim.UserId, claim.Key, claim.ClaimedAt, keepIndexed: abandonedAt);
        if (wasClaimedAt is null) await _inProgress.RemoveAsync(claim.UserId, claim.Key, abandonedAt);
    }

    public async Task DeleteAsync(Guid userId, string key, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, key, cancellationToken) is not { Completed: false } claim) return;
        await ChangeUnfinishedAsync("checkouts.delete", $"DELETE FROM checkouts {IfUnfinishedAt}", [], userId, key, claim.ClaimedAt);
    }

    public async Task<IReadOnlyList<CheckoutClaim>> FindStaleAsync(DateTimeOffset claimedBefore, int limit, CancellationToken cancellationToken)
    {
        var indexed = await _inProgress.OlderThanAsync(claimedBefore, limit);
        var claims = await Task.WhenAll(indexed.Select(entry => FindAsync(entry.UserId, entry.Key, cancellationToken)));
        // Rows of claims since finished or forgotten are left over from a crash: tidy them up. Rows of claims that
        // moved on to another claimed_at may be written ahead of a change still under way, so they stay.
        await Task.WhenAll(indexed.Zip(claims)
            .Where(pair => pair.Second is null or { Completed: true })
            .Select(pair => _inProgress.RemoveAsync(pair.First.UserId, pair.First.Key, pair.First.ClaimedAt)));
        return claims.OfType<CheckoutClaim>()
            .Where(claim => !claim.Completed && claim.ClaimedAt < claimedBefore)
            .DistinctBy(claim => (claim.UserId, claim.Key))
            .OrderBy(claim => claim.ClaimedAt)
            .ToList();
    }

    /// <summary>
    /// Applies a change (its CQL ending in <see cref="IfUnfinishedAt"/>) to an unfinished claim whatever its claimed_at,
    /// starting from the one last seen and retrying with the one a refusal shows; then drops the index row of the
    /// claimed_at it left, unless that is <paramref name="keepIndexed"/>. Null when the claim is gone or completed.
    /// </summary>
    private async Task<DateTimeOffset?> ChangeUnfinishedAsync(string operation, string cql, object?[] values, Guid userId, string key,
        DateTimeOffset claimedAt, DateTimeOffset? keepIndexed = null)
    {
        while (true)
        {
            var (applied, row) = await database.ExecuteConditionalAsync(operation, cql, [.. values, userId, key, claimedAt]);
            if (applied)
            {
                if (claimedAt != keepIndexed) await _inProgress.RemoveAsync(userId, key, claimedAt);
                return claimedAt;
            }
            if (UnfinishedClaimedAt(row) is not { } current) return null;
            claimedAt = current;
        }
    }

    /// <summary>What a refused change found: the claim's claimed_at while it is unfinished; null when gone or completed.</summary>
    private static DateTimeOffset? UnfinishedClaimedAt(Row refusal) =>
        refusal.HasValue("completed") && !refusal.GetValue<bool>("completed")
            ? refusal.GetValue<DateTimeOffset>("claimed_at")
            : null;

    private static CheckoutClaim Read(Row row) => new(row.GetValue<Guid>("user_id"), row.GetValue<string>("idempotency_key"),
        row.GetValue<Guid>("order_id"), row.GetValue<string>("fingerprint"), row.GetValue<bool>("completed"),
        row.GetValue<DateTimeOffset>("claimed_at"));
}
