using Cassandra;
using ProductStore.Cart.Domain;
using ProductStore.Storage;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Cart.Storage.Cassandra;

/// <summary>
/// Lines change through lightweight transactions: an added line keeps the price it was added at although two
/// requests race, and a checkout removes only the lines whose quantity it ordered.
/// </summary>
public sealed class CassandraCartStore(CassandraDatabase database) : ICartStore
{
    public async Task<IReadOnlyList<CartLine>> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await database.ExecuteAsync("cart.get",
            "SELECT product_id, name, quantity, price_cents, currency, added_at FROM cart_lines WHERE user_id = ?", userId);
        return rows.Select(r => new CartLine(r.GetValue<Guid>("product_id"), r.GetValue<string>("name"), r.GetValue<int>("quantity"),
            StoredMoney.FromCents(r.GetValue<long>("price_cents")), r.GetValue<string>("currency"), r.GetValue<DateTimeOffset>("added_at"))).ToList();
    }

    public async Task UpsertAsync(Guid userId, CartLine line, CancellationToken cancellationToken)
    {
        // Insert the line, or update the one there; if it vanished in between (removed by another request), insert again.
        while (true)
        {
            var (inserted, existing) = await database.ExecuteConditionalAsync("cart.upsert", """
                INSERT INTO cart_lines (user_id, product_id, name, quantity, price_cents, currency, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS
                """, userId, line.ProductId, line.Name, line.Quantity, StoredMoney.ToCents(line.PriceWhenAdded), line.Currency, line.AddedAt);
            if (inserted) return;
            // A refused insert returns the line there. Cassandra 2.1 conditions know only "=" (no UPDATE … IF EXISTS),
            // so the condition that the line still exists is its price, which never changes.
            var (updated, _) = await database.ExecuteConditionalAsync("cart.upsert",
                "UPDATE cart_lines SET name = ?, quantity = ? WHERE user_id = ? AND product_id = ? IF price_cents = ?",
                line.Name, line.Quantity, userId, line.ProductId, existing.GetValue<long>("price_cents"));
            if (updated) return;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task<bool> RemoveAsync(Guid userId, Guid productId, CancellationToken cancellationToken) =>
        (await database.ExecuteConditionalAsync("cart.remove",
            "DELETE FROM cart_lines WHERE user_id = ? AND product_id = ? IF EXISTS", userId, productId)).Applied;

    public Task ClearAsync(Guid userId, CancellationToken cancellationToken) =>
        database.ExecuteAsync("cart.clear", "DELETE FROM cart_lines WHERE user_id = ?", userId);

    public Task RemoveOrderedAsync(Guid userId, IReadOnlyList<(Guid ProductId, int Quantity)> ordered, CancellationToken cancellationToken) =>
        Task.WhenAll(ordered.Select(item => database.ExecuteConditionalAsync("cart.remove_ordered",
            "DELETE FROM cart_lines WHERE user_id = ? AND product_id = ? IF quantity = ?", userId, item.ProductId, item.Quantity)));
}
