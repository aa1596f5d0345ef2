using Microsoft.Data.Sqlite;
using ProductStore.Orders.Domain;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Orders.Storage;

/// <summary>Reading and writing the orders table, shared by the order and checkout stores.</summary>
internal static class SqliteOrderRows
{
    public const string Columns = "id, user_id, status, lines_json, history_json, created_at, updated_at, next_step_at, stock_release_pending";

    public static Order Read(SqliteDataReader row) => Order.Restore(
        row.GetGuid(0), row.GetGuid(1), OrderDocuments.ReadLines(row.GetString(3)), Enum.Parse<OrderStatus>(row.GetString(2)),
        row.GetTimestamp(5), row.GetTimestamp(6), OrderDocuments.ReadHistory(row.GetString(4)),
        row.IsDBNull(7) ? null : row.GetTimestamp(7), row.GetInt64(8) != 0);

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
