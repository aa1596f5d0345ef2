using ProductStore.Orders.Domain;
using ProductStore.Storage;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// The orders record changes only by compare-and-set (lightweight transactions); its copies, one table per listing,
/// follow in a logged batch once the change applied. Placing orders is <see cref="CassandraCheckoutStore"/>'s part.
/// </summary>
public sealed class CassandraOrderStore(CassandraDatabase database) : IOrderStore
{
    private readonly OrderListings _listings = new(database);

    public async Task<Order?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        await database.SingleAsync("orders.find", $"SELECT {OrderRows.Columns} FROM orders WHERE id = ?", orderId) is { } row
            ? OrderRows.Read(row)
            : null;

    public async Task<Page<Order>> ListByUserAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken) =>
        await database.PageAsync("orders.list_by_user",
            await database.BindAsync($"SELECT {OrderRows.Columns} FROM orders_by_user WHERE user_id = ?", userId),
            "orders:user", cursor, limit, OrderRows.Read);

    public Task<Page<Order>> ListAsync(OrderStatus? status, string? cursor, int limit, CancellationToken cancellationToken) =>
        status is { } only
            ? _listings.PageAsync("orders.list_by_status", OrderListings.Of(only), cursor, limit)
            : _listings.PageAsync("orders.list_all", OrderListings.All, cursor, limit);

    public async Task<bool> TryUpdateAsync(Order order, OrderStatus expected, CancellationToken cancellationToken)
    {
        // The state the order leaves says which copies to delete. While its status is unchanged, so is that state
        // (statuses never repeat, and only a status change moves the due time), so the compare-and-set below keeps it true.
        var current = await database.SingleAsync("orders.update_status",
            $"SELECT {OrderPlacement.Columns} FROM orders WHERE id = ?", order.Id);
        if (current is null) return false;
        var previous = OrderPlacement.Read(current);
        if (previous.Status != expected) return false;
        var (applied, _) = await database.ExecuteConditionalAsync("orders.update_status", """
            UPDATE orders SET status = ?, history = ?, updated_at = ?, next_step_at = ?, stock_release_pending = ?
            WHERE id = ? IF status = ?
            """, order.Status.ToString(), OrderDocuments.History(order.History), order.UpdatedAt, order.NextStepAt,
            order.StockReleasePending, order.Id, expected.ToString());
        if (applied) await OrderCopies.WriteAsync(database, "orders.update_status", order, previous);
        return applied;
    }

    public async Task<IReadOnlyList<Order>> FindDueAsync(OrderStatus status, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        (await database.ExecuteAsync("orders.find_due",
            $"SELECT {OrderRows.Columns} FROM orders_due WHERE due_status = ? AND due_at <= ? LIMIT ?", OrderListings.Of(status), now, limit))
        .Select(OrderRows.Read).ToList();

    public async Task<DateTimeOffset?> OldestDueAsync(OrderStatus status, CancellationToken cancellationToken) =>
        (await database.SingleAsync("orders.oldest_due",
            "SELECT due_at FROM orders_due WHERE due_status = ? LIMIT 1", OrderListings.Of(status)))?.GetValue<DateTimeOffset>("due_at");

    public async Task<IReadOnlyList<Order>> FindStockReleasePendingAsync(int limit, CancellationToken cancellationToken) =>
        (await database.ExecuteAsync("orders.find_release_pending",
            $"SELECT {OrderRows.Columns} FROM orders_stock_release_pending WHERE shard = 0 LIMIT ?", limit))
        .Select(OrderRows.Read).ToList();

    public async Task MarkStockReleasedAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (await FindAsync(orderId, cancellationToken) is not { } order) return;
        if (order.StockReleasePending)
        {
            await database.ExecuteConditionalAsync("orders.mark_stock_released",
                "UPDATE orders SET stock_release_pending = false WHERE id = ? IF stock_release_pending = true", orderId);
            order.StockReleased();
        }
        // Its release row goes even when the record said released already: a call that stopped before writing the
        // copies left them pending, and the worker would find the order again and again.
        await OrderCopies.WriteAsync(database, "orders.mark_stock_released", order,
            OrderPlacement.Of(order) with { ReleasePendingSince = order.UpdatedAt });
    }
}
