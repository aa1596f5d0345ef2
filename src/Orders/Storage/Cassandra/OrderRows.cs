using Cassandra;
using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>An order as the columns every order table shares: the record and each of its copies.</summary>
internal static class OrderRows
{
    public const string Columns = "id, user_id, status, lines, history, created_at, updated_at, next_step_at, stock_release_pending";
    public const string Markers = "?, ?, ?, ?, ?, ?, ?, ?, ?";

    /// <summary>The values of <see cref="Columns"/>, in order.</summary>
    public static object?[] Values(Order order) =>
    [
        order.Id, order.UserId, order.Status.ToString(), OrderDocuments.Lines(order.Lines), OrderDocuments.History(order.History),
        order.CreatedAt, order.UpdatedAt, order.NextStepAt, order.StockReleasePending,
    ];

    public static Order Read(Row row) => Order.Restore(new OrderSnapshot
    {
        Id = row.GetValue<Guid>("id"),
        UserId = row.GetValue<Guid>("user_id"),
        Status = Enum.Parse<OrderStatus>(row.GetValue<string>("status")),
        Lines = OrderDocuments.ReadLines(row.GetValue<string>("lines")),
        History = OrderDocuments.ReadHistory(row.GetValue<string>("history")),
        CreatedAt = row.GetValue<DateTimeOffset>("created_at"),
        UpdatedAt = row.GetValue<DateTimeOffset>("updated_at"),
        NextStepAt = row.GetValue<DateTimeOffset?>("next_step_at"),
        StockReleasePending = row.GetValue<bool>("stock_release_pending"),
    });
}
