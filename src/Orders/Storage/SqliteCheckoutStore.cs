using Microsoft.Data.Sqlite;
using ProductStore.Orders.Checkout;
using ProductStore.Orders.Domain;
using ProductStore.Storage;

namespace ProductStore.Orders.Storage;

public sealed class SqliteCheckoutStore(SqliteDatabase database) : ICheckoutStore
{
    private const string Columns = "user_id, idempotency_key, order_id, fingerprint, completed, claimed_at";

    public Task<(CheckoutClaim Claim, bool Inserted)> ClaimAsync(CheckoutClaim candidate, CancellationToken cancellationToken) =>
        database.WriteAsync("checkouts.claim", session =>
        {
            var inserted = session.Command($"""
                    INSERT INTO checkouts ({Columns}) VALUES ($user, $key, $order, $fingerprint, 0, $at)
                    ON CONFLICT (user_id, idempotency_key) DO NOTHING
                    """)
                .With("$user", candidate.UserId).With("$key", candidate.Key).With("$order", candidate.OrderId)
                .With("$fingerprint", candidate.Fingerprint).With("$at", candidate.ClaimedAt.ToStored())
                .ExecuteNonQuery() == 1;
            return (inserted ? candidate : Find(session, candidate.UserId, candidate.Key)!, inserted);
        }, cancellationToken);

    public Task<CheckoutClaim?> FindAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        database.ReadAsync("checkouts.find", session => Find(session, userId, key), cancellationToken);

    public Task CompleteAsync(CheckoutClaim claim, Order order, CancellationToken cancellationToken) =>
        database.WriteAsync("checkouts.complete", session =>
        {
            SqliteOrderRows.Insert(session, order);
            session.Command("UPDATE checkouts SET completed = 1 WHERE user_id = $user AND idempotency_key = $key")
                .With("$user", claim.UserId).With("$key", claim.Key).ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> TryTakeOverAsync(CheckoutClaim claim, DateTimeOffset seenClaimedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync("checkouts.take_over", session => session.Command("""
                UPDATE checkouts SET claimed_at = $now
                WHERE user_id = $user AND idempotency_key = $key AND completed = 0 AND claimed_at = $seen
                """)
            .With("$user", claim.UserId).With("$key", claim.Key).With("$seen", seenClaimedAt.ToStored()).With("$now", now.ToStored())
            .ExecuteNonQuery() == 1, cancellationToken);

    public Task AbandonAsync(CheckoutClaim claim, CancellationToken cancellationToken) =>
        database.WriteAsync("checkouts.abandon", session => session.Command(
                "UPDATE checkouts SET claimed_at = 0 WHERE user_id = $user AND idempotency_key = $key AND completed = 0")
            .With("$user", claim.UserId).With("$key", claim.Key).ExecuteNonQuery(), cancellationToken);

    public Task DeleteAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        database.WriteAsync("checkouts.delete", session => session.Command(
                "DELETE FROM checkouts WHERE user_id = $user AND idempotency_key = $key AND completed = 0")
            .With("$user", userId).With("$key", key).ExecuteNonQuery(), cancellationToken);

    public Task<IReadOnlyList<CheckoutClaim>> FindStaleAsync(DateTimeOffset claimedBefore, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CheckoutClaim>>("checkouts.find_stale", session => session.Command($"""
                SELECT {Columns} FROM checkouts WHERE completed = 0 AND claimed_at < $before ORDER BY claimed_at LIMIT $limit
                """)
            .With("$before", claimedBefore.ToStored()).With("$limit", limit).List(Read), cancellationToken);

    private static CheckoutClaim? Find(SqliteSession session, Guid userId, string key) =>
        session.Command($"SELECT {Columns} FROM checkouts WHERE user_id = $user AND idempotency_key = $key")
            .With("$user", userId).With("$key", key).FirstOrDefault(Read);

    private static CheckoutClaim Read(SqliteDataReader row) =>
        new(row.GetGuid(0), row.GetString(1), row.GetGuid(2), row.GetString(3), row.GetInt64(4) != 0, row.GetTimestamp(5));
}
