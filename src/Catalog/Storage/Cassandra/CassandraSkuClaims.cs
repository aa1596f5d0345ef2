using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// SKU uniqueness: a product claims its SKU in products_by_sku (INSERT … IF NOT EXISTS) before it is written with it.
/// A claim whose product does not carry the SKU (a save or delete that stopped half-way) is taken over once it is
/// older than any save in progress can be.
/// </summary>
public sealed class CassandraSkuClaims(CassandraDatabase database, CassandraProducts products)
{
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public async Task<bool> TryClaimAsync(string sku, Guid productId)
    {
        while (true)
        {
            var (claimed, existing) = await database.ExecuteConditionalAsync("products.claim_sku",
                "INSERT INTO products_by_sku (sku, id, claimed_at) VALUES (?, ?, ?) IF NOT EXISTS", sku, productId, DateTimeOffset.UtcNow);
            if (claimed) return true;
            var holder = existing.GetValue<Guid>("id");
            if (holder == productId) return true;
            if (existing.GetValue<DateTimeOffset>("claimed_at") > DateTimeOffset.UtcNow - AbandonedAfter || (await products.FindAsync(holder))?.Sku == sku)
                return false;
            var (takenOver, _) = await database.ExecuteConditionalAsync("products.claim_sku",
                "UPDATE products_by_sku SET id = ?, claimed_at = ? WHERE sku = ? IF id = ?", productId, DateTimeOffset.UtcNow, sku, holder);
            if (takenOver) return true;
        }
    }

    /// <summary>Frees the SKU if <paramref name="productId"/> still holds it.</summary>
    public Task ReleaseAsync(string sku, Guid productId) =>
        database.ExecuteConditionalAsync("products.release_sku", "DELETE FROM products_by_sku WHERE sku = ? IF id = ?", sku, productId);
}
