using System.Text.Json;
using Cassandra;
using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// Reservations without a transaction: the order id is claimed first (a 'pending' record, INSERT … IF NOT EXISTS),
/// then each item's stock is taken by compare-and-set, all items at once; if one lacks stock the items taken are given
/// back and the claim dropped. The record turns 'reserved' only if no release came meanwhile, and 'released' once,
/// whoever gets there first, so retries and repeated releases change the stock once.
/// </summary>
public sealed class CassandraStockStore(CassandraDatabase database, CassandraProducts products, CassandraStock stock) : IStockStore
{
    private const string Pending = "pending", Reserved = "reserved", Released = "released";
    /// <summary>How long a retry waits for the call still reserving its order id before giving up.</summary>
    private static readonly TimeSpan PendingWait = TimeSpan.FromSeconds(10);

    public async Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<ReservationItemRequest> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTimeOffset.UtcNow + PendingWait;
        while (true)
        {
            if (await database.SingleAsync("stock.reservation", "SELECT status, items, created_at FROM reservations WHERE order_id = ?", orderId) is { } record)
            {
                if (record.GetValue<string>("status") != Pending) return Replay(orderId, record, items);
                if (DateTimeOffset.UtcNow > giveUpAt) throw new StorageUnavailableException($"Order {orderId} has been reserving stock for longer than {PendingWait}.");
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
                continue;
            }
            var found = await products.FindManyAsync(items.Select(item => item.ProductId));
            var lacking = items.Where(item => found.GetValueOrDefault(item.ProductId)?.Stock is not { } available || available < item.Quantity)
                .Select(item => new ShortItem(item.ProductId, item.Quantity, found.GetValueOrDefault(item.ProductId)?.Stock ?? 0)).ToList();
            if (lacking.Count > 0) return new ReservationOutcome.Refused(lacking);

            var reserved = items.Select(item => ItemOf(found[item.ProductId], item.Quantity)).ToList();
            var (claimed, _) = await database.ExecuteConditionalAsync("stock.reserve",
                "INSERT INTO reservations (order_id, status, items, created_at) VALUES (?, ?, ?, ?) IF NOT EXISTS", orderId, Pending, Serialize(reserved), now);
            // Another call with this order id got there first: its outcome is the answer.
            if (!claimed) continue;
            return await TakeAsync(new Reservation(orderId, reserved, now, Released: false), found);
        }
    }

    private async Task<ReservationOutcome> TakeAsync(Reservation reservation, Dictionary<Guid, Product> seen)
    {
        var items = reservation.Items;
        var takes = await Task.WhenAll(items.Select(item => stock.ChangeAsync(item.ProductId, -item.Quantity, seen[item.ProductId].Stock)));
        if (takes.Any(take => !take.Changed))
        {
            await GiveBackAsync(items.Where((_, i) => takes[i].Changed));
            await database.ExecuteConditionalAsync("stock.reserve", "DELETE FROM reservations WHERE order_id = ? IF status = ?", reservation.OrderId, Pending);
            return new ReservationOutcome.Refused(items.Select((item, i) => (item, take: takes[i])).Where(x => !x.take.Changed)
                .Select(x => new ShortItem(x.item.ProductId, x.item.Quantity, x.take.Stock)).ToList());
        }
        var (confirmed, _) = await database.ExecuteConditionalAsync("stock.reserve",
            "UPDATE reservations SET status = ? WHERE order_id = ? IF status = ?", Reserved, reservation.OrderId, Pending);
        if (confirmed) return new ReservationOutcome.Reserved(reservation, Replayed: false);
        // Released while reserving: as on a release before the reservation, nothing stays held.
        await GiveBackAsync(items);
        return new ReservationOutcome.Mismatch();
    }

    public async Task ReleaseAsync(Guid orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var released = Serialize([]);
        while (true)
        {
            var (recorded, record) = await database.ExecuteConditionalAsync("stock.release",
                "INSERT INTO reservations (order_id, status, items, created_at) VALUES (?, ?, ?, ?) IF NOT EXISTS", orderId, Released, released, now);
            if (recorded) return;
            switch (record.HasValue("status") ? record.GetValue<string>("status") : null)
            {
                case Released:
                    return;
                case Pending:
                    // The reserving call sees this and gives back what it took.
                    if ((await database.ExecuteConditionalAsync("stock.release",
                            "UPDATE reservations SET status = ?, items = ? WHERE order_id = ? IF status = ?", Released, released, orderId, Pending)).Applied) return;
                    break;
                case Reserved:
                    if ((await database.ExecuteConditionalAsync("stock.release",
                            "UPDATE reservations SET status = ? WHERE order_id = ? IF status = ?", Released, orderId, Reserved)).Applied)
                    {
                        await GiveBackAsync(Deserialize(record.GetValue<string>("items")));
                        return;
                    }
                    break;
            }
        }
    }

    public async Task<StockAdjustmentOutcome> AdjustAsync(Guid productId, int change, CancellationToken cancellationToken)
    {
        if (await stock.ReadStockAsync(productId) is not { } seen) return new StockAdjustmentOutcome.NotFound();
        var (changed, now) = await stock.ChangeAsync(productId, change, seen, ProductRules.MaxStock);
        if (changed) return new StockAdjustmentOutcome.Adjusted(now);
        // Refused with a stock of 0 may also mean the product was deleted meanwhile.
        return await stock.ReadStockAsync(productId) is null ? new StockAdjustmentOutcome.NotFound() : new StockAdjustmentOutcome.OutOfRange(now);
    }

    private Task GiveBackAsync(IEnumerable<ReservedItem> items) =>
        Task.WhenAll(items.Select(item => stock.ChangeAsync(item.ProductId, item.Quantity)));

    private static ReservationOutcome Replay(Guid orderId, Row record, IReadOnlyList<ReservationItemRequest> items)
    {
        var reservation = new Reservation(orderId, Deserialize(record.GetValue<string>("items")), record.GetValue<DateTimeOffset>("created_at"),
            Released: record.GetValue<string>("status") == Released);
        return reservation.Matches(items) ? new ReservationOutcome.Reserved(reservation, Replayed: true) : new ReservationOutcome.Mismatch();
    }

    /// <summary>An item as reserved: at the product's price when the reservation is made.</summary>
    private static ReservedItem ItemOf(Product product, int quantity) =>
        new(product.Id, product.Sku, product.Name, quantity, product.Price, product.Currency);

    private static string Serialize(IReadOnlyList<ReservedItem> items) => JsonSerializer.Serialize(items, CatalogJsonContext.Default.IReadOnlyListReservedItem);

    private static IReadOnlyList<ReservedItem> Deserialize(string json) => JsonSerializer.Deserialize(json, CatalogJsonContext.Default.IReadOnlyListReservedItem)!;
}
