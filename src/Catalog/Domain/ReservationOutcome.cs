namespace ProductStore.Catalog.Domain;

public sealed record ShortItem(Guid ProductId, int Requested, int Available);

public abstract record ReservationOutcome
{
    /// <summary>The stock is held for the order; <paramref name="Replayed"/> when it was held by an earlier call with this order id.</summary>
    public sealed record Reserved(Reservation Reservation, bool Replayed) : ReservationOutcome;
    public sealed record Refused(IReadOnlyList<ShortItem> ShortItems) : ReservationOutcome;
    /// <summary>The order id was reserved before with other items, or released before it reserved anything.</summary>
    public sealed record Mismatch : ReservationOutcome;
}
