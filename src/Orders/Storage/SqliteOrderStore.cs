using ProductStore.Orders.Domain;
using ProductStore.Storage;

namespace ProductStore.Orders.Storage;

public sealed class SqliteOrderStore(SqliteDatabase database) : IOrderStore
{

    public Task<Order?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.ReadAsync("orders.find", session =>
            session.Command($"SELECT {SqliteOrderRows.Columns} FROM orders WHERE id = $id")
                .With("$id", orderId).FirstOrDefault(SqliteOrderRows.Read), cancellationToken);

    public Task<Page<Order>> ListByUserAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken) =>
        ListAsync("orders.list_by_user", "orders:user", $"""
            SELECT {SqliteOrderRows.Columns} FROM orders
            WHERE user_id = $key AND (created_at, id) < ($at, $id)
            ORDER BY created_at DESC, id DESC LIMIT $limit
            """, userId, cursor, limit, cancellationToken);

    public Task<Page<Order>> ListAsync(OrderStatus? status, string? cursor, int limit, CancellationToken cancellationToken) =>
        status is { } only
            ? ListAsync("orders.list_by_status", $"orders:status:{only}", $"""
                SELECT {SqliteOrderRows.Columns} FROM orders
                WHERE status = $key AND (created_at, id) < ($at, $id)
                ORDER BY created_at DESC, id DESC LIMIT $limit
                """, only.ToString(), cursor, limit, cancellationToken)
            : ListAsync("orders.list_all", "orders:all", $"""
                SELECT {SqliteOrderRows.Columns} FROM orders
                WHERE (created_at, id) < ($at, $id)
                ORDER BY created_at DESC, id DESC LIMIT $limit
                """, null, cursor, limit, cancellationToken);

    public Task<bool> TryUpdateAsync(Order order, OrderStatus expected, CancellationToken cancellationToken) =>
        database.WriteAsync("orders.update_status", session => session.Command("""
                UPDATE orders SET status = $status, history_json = $history, updated_at = $updated,
                    next_step_at = $next, stock_release_pending = $release
                WHERE id = $id AND status = $expected
                """)
            .With("$id", order.Id).With("$expected", expected.ToString()).With("$status", order.Status.ToString())
            .With("$history", OrderDocuments.History(order.History)).With("$updated", order.UpdatedAt.ToStored())
            .With("$next", order.NextStepAt?.ToStored()).With("$release", order.StockReleasePending ? 1 : 0)
            .ExecuteNonQuery() == 1, cancellationToken);

    public Task<IReadOnlyList<Order>> FindDueAsync(OrderStatus status, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Order>>("orders.find_due", session => session.Command($"""
                SELECT {SqliteOrderRows.Columns} FROM orders
                WHERE status = $status AND next_step_at IS NOT NULL AND next_step_at <= $now
                ORDER BY next_step_at LIMIT $limit
                """)
            .With("$status", status.ToString()).With("$now", now.ToStored()).With("$limit", limit)
            .List(SqliteOrderRows.Read), cancellationToken);

    public Task<DateTimeOffset?> OldestDueAsync(OrderStatus status, CancellationToken cancellationToken) =>
        database.ReadAsync("orders.oldest_due", session =>
        {
            var oldest = session.Command("""
                    SELECT next_step_at FROM orders WHERE status = $status AND next_step_at IS NOT NULL
                    ORDER BY next_step_at LIMIT 1
                    """)
                .With("$status", status.ToString()).ExecuteScalar();
            return oldest is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        }, cancellationToken);

    public Task<IReadOnlyList<Order>> FindStockReleasePendingAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Order>>("orders.find_release_pending", session => session.Command($"""
                SELECT {SqliteOrderRows.Columns} FROM orders WHERE stock_release_pending = 1 ORDER BY updated_at LIMIT $limit
                """)
            .With("$limit", limit).List(SqliteOrderRows.Read), cancellationToken);

    public Task MarkStockReleasedAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.WriteAsync("orders.mark_stock_released", session =>
            session.Command("UPDATE orders SET stock_release_pending = 0 WHERE id = $id").With("$id", orderId).ExecuteNonQuery(),
            cancellationToken);

    // Statements without $key ignore it.
    private Task<Page<Order>> ListAsync(string operation, string kind, string sql, object? key, string? cursor, int limit, CancellationToken cancellationToken)
    {
        // Keyset paging, newest first: the cursor holds (created_at, id) of the last order shown. The first page
        // starts after the end of time, where the id never decides.
        var (at, id) = cursor is null ? (long.MaxValue, Guid.Empty) : ParsePosition(Cursor.Decode(cursor, kind));
        return database.ReadAsync(operation, session =>
        {
            var orders = session.Command(sql)
                .With("$key", key).With("$at", at).With("$id", id).With("$limit", limit + 1)
                .List(SqliteOrderRows.Read);
            if (orders.Count <= limit) return new Page<Order>(orders, null);
            orders.RemoveAt(limit);
            var last = orders[^1];
            return new Page<Order>(orders, Cursor.Encode(kind, $"{last.CreatedAt.ToStored()}:{last.Id:N}"));
        }, cancellationToken);
    }

    private static (long At, Guid Id) ParsePosition(string position)
    {
        var parts = position.Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], out var at) && Guid.TryParseExact(parts[1], "N", out var id)
            ? (at, id)
            : throw new InvalidCursorException();
    }
}
