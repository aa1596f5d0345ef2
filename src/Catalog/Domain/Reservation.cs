using ProductStore.Catalog.Apis;

namespace ProductStore.Catalog.Domain;

public sealed record ReservedItem(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency);

public sealed record Reservation(Guid OrderId, IReadOnlyList<ReservedItem> Items, DateTimeOffset CreatedAt, bool Released)
{
    /// <summary>A retry asks for exactly what was reserved: the same products in the same quantities.</summary>
    public bool Matches(IReadOnlyList<ReservationItemRequest> requested) =>
        Items.Count == requested.Count
        && Items.OrderBy(i => i.ProductId).Select(i => (i.ProductId, i.Quantity))
            .SequenceEqual(requested.OrderBy(i => i.ProductId).Select(i => (i.ProductId, i.Quantity)));

    /// <summary>
    /// What a release of an order id that never reserved leaves behind, so that a reservation arriving late
    /// (after the caller gave up on it and released) is refused instead of holding stock no order will use.
    /// </summary>
    public static Reservation ReleasedBeforeReserved(Guid orderId, DateTimeOffset now) => new(orderId, [], now, Released: true);
}
