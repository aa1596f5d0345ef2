using Microsoft.Data.Sqlite;
using ProductStore.Orders.Domain;
using ProductStore.Storage;

namespace ProductStore.Orders.Storage;

/// <summary>Reading and writing the orders table, shared by the order and checkout stores.</summary>
internal static class SqliteOrderRows
{
    public const string Columns = "id, user_id, status, lines_json, history_json, created_at, updated_at, next_step_at, stock_release_pending";

    public static Order Read(SqliteDataReader row) => Order.Restore(new OrderSnapshot
    {
        Id = row.GetGuid(0),
        UserId = row.GetGuid(1),
        Status = Enum.Parse<OrderStatus>(row.GetString(2)),
        Lines = OrderDocuments.ReadLines(row.GetString(3)),
        History = OrderDocuments.ReadHistory(row.GetString(4)),
        CreatedAt = row.GetTimestamp(5),
        UpdatedAt = row.GetTimestamp(6),
        NextStepAt = row.IsDBNull(7) ? null : row.GetTimestamp(7),
        StockReleasePending = row.GetInt64(8) != 0,
    });

    /// <summary>Inserts the order unless it is already stored (a recovered checkout may store it twice).</summary>
    public static void Insert(SqliteSession session, Order order) => session.Command("""
            INSERT INTO orders (id, user_id, status, lines_json, history_json, created_at, updated_at, next_step_at, stock_release_pending)
            VALUES ($id, $user, $status, $lines, $history, $created, $updated, $next, $release)
            ON CONFLICT (id) DO NOTHING
            """)
        .With("$id", order.Id).With("$user", order.UserId).With("$status", order.Status.ToString())
        .With("$lines", OrderDocuments.Lines(order.Lines)).With("$history", OrderDocuments.History(order.History))
        .With("$created", order.CreatedAt.ToStored()).With("$updated", order.UpdatedAt.ToStored())
        .With("$next", order.NextStepAt?.ToStored()).With("$release", order.StockReleasePending ? 1 : 0)
        .ExecuteNonQuery();
}
