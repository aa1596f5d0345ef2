using ProductStore.Cart.Domain;
using ProductStore.Storage;

namespace ProductStore.Cart.Storage;

public sealed class SqliteCartStore(SqliteDatabase database) : ICartStore
{
    public Task<IReadOnlyList<CartLine>> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CartLine>>("cart.get", session => session.Command("""
                SELECT product_id, name, quantity, price_cents, currency, added_at FROM cart_lines WHERE user_id = $user ORDER BY product_id
                """)
            .With("$user", userId)
            .List(r => new CartLine(r.GetGuid(0), r.GetString(1), r.GetInt32(2), StoredMoney.FromCents(r.GetInt64(3)), r.GetString(4), r.GetTimestamp(5))),
            cancellationToken);

    public Task UpsertAsync(Guid userId, CartLine line, CancellationToken cancellationToken) =>
        database.WriteAsync("cart.upsert", session => session.Command("""
                INSERT INTO cart_lines (user_id, product_id, name, quantity, price_cents, currency, added_at)
                VALUES ($user, $product, $name, $quantity, $price, $currency, $added)
                ON CONFLICT (user_id, product_id) DO UPDATE SET name = excluded.name, quantity = excluded.quantity
                """)
            .With("$user", userId).With("$product", line.ProductId).With("$name", line.Name).With("$quantity", line.Quantity)
            .With("$price", StoredMoney.ToCents(line.PriceWhenAdded)).With("$currency", line.Currency).With("$added", line.AddedAt.ToStored())
            .ExecuteNonQuery(), cancellationToken);

    public Task<bool> RemoveAsync(Guid userId, Guid productId, CancellationToken cancellationToken) =>
        database.WriteAsync("cart.remove", session => session.Command(
                "DELETE FROM cart_lines WHERE user_id = $user AND product_id = $product")
            .With("$user", userId).With("$product", productId).ExecuteNonQuery() == 1, cancellationToken);

    public Task ClearAsync(Guid userId, CancellationToken cancellationToken) =>
        database.WriteAsync("cart.clear", session =>
            session.Command("DELETE FROM cart_lines WHERE user_id = $user").With("$user", userId).ExecuteNonQuery(), cancellationToken);

    public Task RemoveOrderedAsync(Guid userId, IReadOnlyList<(Guid ProductId, int Quantity)> ordered, CancellationToken cancellationToken) =>
        database.WriteAsync("cart.remove_ordered", session =>
        {
            foreach (var (productId, quantity) in ordered)
            {
                session.Command("DELETE FROM cart_lines WHERE user_id = $user AND product_id = $product AND quantity = $quantity")
                    .With("$user", userId).With("$product", productId).With("$quantity", quantity).ExecuteNonQuery();
            }
        }, cancellationToken);
}
