using System.Globalization;
using ProductStore.Orders.Domain;
using ProductStore.Storage;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Orders.Storage.Cassandra;

/// <summary>
/// The admin listings, newest first: all orders, or those in one status, each kept as one partition per month
/// created. A page reads the newest month first and moves on to older months (order_listing_months) until it is
/// full. The cursor is the month and Cassandra's paging state within it.
/// </summary>
internal sealed class OrderListings(CassandraDatabase database)
{
    public const string All = "all";
    private const int MonthsPerRead = 12;

    public static string Of(OrderStatus status) => status.ToString();

    /// <summary>The partition an order created at <paramref name="createdAt"/> lists under: yyyymm, in UTC.</summary>
    public static int MonthOf(DateTimeOffset createdAt) => createdAt.UtcDateTime.Year * 100 + createdAt.UtcDateTime.Month;

    public async Task<Page<Order>> PageAsync(string operation, string listing, string? cursor, int limit)
    {
        var kind = $"orders:{listing}";
        var (startMonth, monthCursor) = cursor is null ? (int.MaxValue, null) : Position(Cursor.Decode(cursor, kind));
        var orders = new List<Order>(limit);
        await foreach (var month in MonthsFromAsync(listing, startMonth))
        {
            if (orders.Count == limit) return new Page<Order>(orders, Cursor.Encode(kind, $"{month}:"));
            var page = await database.PageAsync(operation, await database.BindAsync(
                    $"SELECT {OrderRows.Columns} FROM orders_by_month WHERE listing = ? AND month = ?", listing, month),
                $"{kind}:{month}", month == startMonth ? monthCursor : null, limit - orders.Count, OrderRows.Read);
            orders.AddRange(page.Items);
            if (page.NextCursor is { } next) return new Page<Order>(orders, Cursor.Encode(kind, $"{month}:{next}"));
        }
        return new Page<Order>(orders, null);
    }

    /// <summary>The listing's months from <paramref name="month"/> back, read a year at a time.</summary>
    private async IAsyncEnumerable<int> MonthsFromAsync(string listing, int month)
    {
        while (true)
        {
            var rows = await database.ExecuteAsync("orders.listing_months",
                "SELECT month FROM order_listing_months WHERE listing = ? AND month <= ? LIMIT ?", listing, month, MonthsPerRead);
            var months = rows.Select(row => row.GetValue<int>("month")).ToList();
            foreach (var found in months) yield return found;
            if (months.Count < MonthsPerRead) yield break;
            month = months[^1] - 1;
        }
    }

    private static (int Month, string? MonthCursor) Position(string position) =>
        position.Split(':', 2) is [var month, var monthCursor]
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, monthCursor.Length > 0 ? monthCursor : null)
            : throw new InvalidCursorException();
}
