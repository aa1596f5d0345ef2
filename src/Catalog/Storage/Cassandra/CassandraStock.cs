using Cassandra;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// A product's stock, an int in its row changed by compare-and-set: a lightweight transaction conditioned on the
/// value last seen, retried with the value a refusal returns. Never a counter: a counter cannot refuse to go below zero.
/// </summary>
public sealed class CassandraStock(CassandraDatabase database)
{
    /// <summary>
    /// Adds <paramref name="change"/> (negative to take) to the stock, starting from the <paramref name="seen"/> value (read when not given);
    /// refused when it would go below zero (or above <paramref name="max"/>) or the product is gone. Returns the stock after
    /// the change, or the stock there is when refused (0 for a product that is gone).
    /// </summary>
    public async Task<(bool Changed, int Stock)> ChangeAsync(Guid productId, int change, int? seen = null, long max = long.MaxValue)
    {
        var current = seen ?? await ReadStockAsync(productId);
        while (true)
        {
            if (current is not { } stock) return (false, 0);
            if (stock + (long)change < 0 || stock + (long)change > max) return (false, stock);
            var (applied, row) = await database.ExecuteConditionalAsync("stock.change",
                "UPDATE products SET stock = ? WHERE id = ? IF stock = ?", stock + change, productId, stock);
            if (applied) return (true, stock + change);
            current = StockOf(row);
        }
    }

    public async Task<int?> ReadStockAsync(Guid productId) =>
        await database.SingleAsync("stock.read", "SELECT stock FROM products WHERE id = ?", productId) is { } row ? StockOf(row) : null;

    private static int? StockOf(Row row) => row.HasValue("stock") ? row.GetValue<int>("stock") : null;
}
