using Cassandra;
using ProductStore.Orders.Domain;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>Where an order's state files it: its status listing, its due row (if waiting) and its stock release row (if pending).</summary>
internal sealed record OrderPlacement(OrderStatus Status, DateTimeOffset? DueAt, DateTimeOffset? ReleasePendingSince)
{
    public const string Columns = "status, next_step_at, stock_release_pending, updated_at";

    public static OrderPlacement Of(Order order) =>
        new(order.Status, order.NextStepAt, order.StockReleasePending ? order.UpdatedAt : null);

    public static OrderPlacement Read(Row row) => new(Enum.Parse<OrderStatus>(row.GetValue<string>("status")),
        row.GetValue<DateTimeOffset?>("next_step_at"),
        row.GetValue<bool>("stock_release_pending") ? row.GetValue<DateTimeOffset>("updated_at") : null);
}

/// <summary>
/// Writes an order's copies (by user, by month, due, stock release pending) in one logged batch, after the record
/// changed: rows of the state it left are deleted, rows of its new state written.
/// </summary>
internal static class OrderCopies
{
    private const int Shard = 0;

    public static Task WriteAsync(CassandraDatabase database, string operation, Order order, OrderPlacement? previous) =>
        database.ExecuteBatchAsync(operation, Statements(database, order, previous));

    private static IEnumerable<Task<BoundStatement>> Statements(CassandraDatabase database, Order order, OrderPlacement? previous)
    {
        var version = VersionOf(order);
        var now = OrderPlacement.Of(order);
        var month = OrderListings.MonthOf(order.CreatedAt);
        var status = OrderListings.Of(order.Status);
        Task<BoundStatement> Insert(string table, string keyColumns, params object?[] keys) => database.BindAsync(
            $"INSERT INTO {table} ({keyColumns}{OrderRows.Columns}) VALUES ({string.Concat(keys.Select(_ => "?, "))}{OrderRows.Markers}) USING TIMESTAMP ?",
            [.. keys, .. OrderRows.Values(order), version]);

        yield return Insert("orders_by_user", "");
        yield return Insert("orders_by_month", "listing, month, ", OrderListings.All, month);
        yield return Insert("orders_by_month", "listing, month, ", status, month);
        if (previous is null) yield return ListingMonth(database, OrderListings.All, month, version);
        if (previous?.Status != order.Status) yield return ListingMonth(database, status, month, version);
        if (now.DueAt is { } dueAt) yield return Insert("orders_due", "due_status, due_at, ", status, dueAt);
        if (now.ReleasePendingSince is { } since) yield return Insert("orders_stock_release_pending", "shard, pending_since, ", Shard, since);
        if (previous is null) yield break;

        // A row's delete and insert at one timestamp would leave it deleted: only rows the new state does not write go.
        if (previous.Status != now.Status)
        {
            yield return database.BindAsync("DELETE FROM orders_by_month USING TIMESTAMP ? WHERE listing = ? AND month = ? AND created_at = ? AND id = ?",
                version, OrderListings.Of(previous.Status), month, order.CreatedAt, order.Id);
        }
        if (previous.DueAt is { } previousDueAt && (previous.Status, previous.DueAt) != (now.Status, now.DueAt))
        {
            yield return database.BindAsync("DELETE FROM orders_due USING TIMESTAMP ? WHERE due_status = ? AND due_at = ? AND id = ?",
                version, OrderListings.Of(previous.Status), previousDueAt, order.Id);
        }
        if (previous.ReleasePendingSince is { } previousSince && previousSince != now.ReleasePendingSince)
        {
            yield return database.BindAsync("DELETE FROM orders_stock_release_pending USING TIMESTAMP ? WHERE shard = ? AND pending_since = ? AND id = ?",
                version, Shard, previousSince, order.Id);
        }
    }

    private static Task<BoundStatement> ListingMonth(CassandraDatabase database, string listing, int month, long version) =>
        database.BindAsync("INSERT INTO order_listing_months (listing, month) VALUES (?, ?) USING TIMESTAMP ?", listing, month, version);

    /// <summary>
    /// The copies' write timestamp (microseconds), growing with every change of the order: its latest change time
    /// (never earlier than the one before, even if clocks of two replicas disagree), then two steps per change and one
    /// for its stock release. So when two batches of one order arrive out of order, the later state still wins.
    /// </summary>
    private static long VersionOf(Order order) =>
        order.History.Select(change => change.At).Append(order.CreatedAt).Max().ToUnixTimeMilliseconds() * 1000
        + order.History.Count * 2 + (order.StockReleasePending ? 0 : 1);
}
