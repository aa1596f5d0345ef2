using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Domain;

namespace ProductStore.Catalog.Storage;

/// <summary>Stock reservations by order id: all items or none, idempotent both ways.</summary>
public interface IStockStore
{
    Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<ReservationItemRequest> items, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReleaseAsync(Guid orderId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="change"/> (negative to take) to a product's stock, atomically; refused outside 0..MaxStock.</summary>
    Task<StockAdjustmentOutcome> AdjustAsync(Guid productId, int change, CancellationToken cancellationToken);
}
