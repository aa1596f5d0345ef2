namespace ProductStore.Catalog.Domain;

public sealed record ReservationItemRequest(Guid ProductId, int Quantity);

public sealed record ReservedItem(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency);

public sealed record Reservation(Guid OrderId, IReadOnlyList<ReservedItem> Items, DateTimeOffset CreatedAt, bool Released)
{
    /// <summary>A retry asks for exactly what was reserved: the same products in the same quantities.</summary>
    public bool Matches(IReadOnlyList<ReservationItemRequest> requested) =>
        Items.Count == requested.Count
        && Items.OrderBy(i => i.ProductId).Select(i => (i.ProductId, i.Quantity))
            .SequenceEqual(requested.OrderBy(i => i.ProductId).Select(i => (i.ProductId, i.Quantity)));
}

public sealed record ShortItem(Guid ProductId, int Requested, int Available);

public abstract record ReservationOutcome
{
    public sealed record Reserved(Reservation Reservation) : ReservationOutcome;
    public sealed record Refused(IReadOnlyList<ShortItem> ShortItems) : ReservationOutcome;
    /// <summary>The order id was reserved before with other items.</summary>
    public sealed record Mismatch : ReservationOutcome;
}
