using System.Text.Json;
using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog.Storage;

/// <summary>
/// Reservations in one write transaction each: the stock of every item is checked and taken together, so two
/// orders can never both get the last unit, and a reservation is stored with the prices it was made at.
/// </summary>
public sealed class SqliteStockStore(SqliteDatabase database) : IStockStore
{
    public Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<ReservationItemRequest> items, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<ReservationOutcome>("stock.reserve", async (session, ct) =>
        {
            if (await FindAsync(session, orderId, ct) is { } existing)
                return existing.Matches(items) ? new ReservationOutcome.Reserved(existing, Replayed: true) : new ReservationOutcome.Mismatch();

            var reserved = new List<ReservedItem>(items.Count);
            var shortItems = new List<ShortItem>();
            foreach (var item in items)
            {
                var product = await session.Command($"SELECT {SqliteProductRows.Columns} FROM products WHERE id = $id")
                    .With("$id", item.ProductId).FirstOrDefaultAsync(SqliteProductRows.Read, ct);
                if (product is null || product.Stock < item.Quantity)
                    shortItems.Add(new ShortItem(item.ProductId, item.Quantity, product?.Stock ?? 0));
                else
                    reserved.Add(new ReservedItem(product.Id, product.Sku, product.Name, item.Quantity, product.Price, product.Currency));
            }
            if (shortItems.Count > 0) return new ReservationOutcome.Refused(shortItems);

            foreach (var item in reserved)
            {
                session.Command("UPDATE products SET stock = stock - $quantity WHERE id = $id")
                    .With("$id", item.ProductId).With("$quantity", item.Quantity).ExecuteNonQuery();
            }
            var reservation = new Reservation(orderId, reserved, now, Released: false);
            Insert(session, reservation);
            return new ReservationOutcome.Reserved(reservation, Replayed: false);
        }, cancellationToken).AsTask();

    public Task ReleaseAsync(Guid orderId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync("stock.release", async (session, ct) =>
        {
            var reservation = await FindAsync(session, orderId, ct);
            if (reservation is null)
            {
                Insert(session, Reservation.ReleasedBeforeReserved(orderId, now));
                return false;
            }
            if (reservation.Released) return false;
            foreach (var item in reservation.Items)
            {
                session.Command("UPDATE products SET stock = stock + $quantity WHERE id = $id")
                    .With("$id", item.ProductId).With("$quantity", item.Quantity).ExecuteNonQuery();
            }
            session.Command("UPDATE reservations SET released = 1 WHERE order_id = $order").With("$order", orderId).ExecuteNonQuery();
            return true;
        }, cancellationToken).AsTask();

    public Task<StockAdjustmentOutcome> AdjustAsync(Guid productId, int change, CancellationToken cancellationToken) =>
        database.WriteAsync<StockAdjustmentOutcome>("stock.adjust", async (session, ct) =>
        {
            var stock = await session.Command("SELECT stock FROM products WHERE id = $id").With("$id", productId).FirstOrDefaultAsync(r => (int?)r.GetInt32(0), ct);
            if (stock is not { } current) return new StockAdjustmentOutcome.NotFound();
            if (!ProductRules.IsStock(current + (long)change)) return new StockAdjustmentOutcome.OutOfRange(current);
            session.Command("UPDATE products SET stock = stock + $change WHERE id = $id").With("$id", productId).With("$change", change).ExecuteNonQuery();
            return new StockAdjustmentOutcome.Adjusted(current + change);
        }, cancellationToken).AsTask();

    private static void Insert(SqliteSession session, Reservation reservation) =>
        session.Command("INSERT INTO reservations (order_id, items_json, created_at, released) VALUES ($order, $items, $created, $released)")
            .With("$order", reservation.OrderId)
            .With("$items", JsonSerializer.Serialize(reservation.Items, CatalogJsonContext.Default.IReadOnlyListReservedItem))
            .With("$created", reservation.CreatedAt.ToStored()).With("$released", reservation.Released).ExecuteNonQuery();

    private static ValueTask<Reservation?> FindAsync(SqliteSession session, Guid orderId, CancellationToken cancellationToken) =>
        session.Command("SELECT order_id, items_json, created_at, released FROM reservations WHERE order_id = $order")
            .With("$order", orderId)
            .FirstOrDefaultAsync(r => new Reservation(r.GetGuid(0),
                JsonSerializer.Deserialize(r.GetString(1), CatalogJsonContext.Default.IReadOnlyListReservedItem)!, r.GetTimestamp(2), r.GetInt64(3) == 1), cancellationToken);
}
