namespace ProductStore.Orders.Checkout;

/// <summary>
/// A user's checkout under one Idempotency-Key: the order id it reserves stock for, and a fingerprint of the
/// cart it was made from so the same key with a different cart is recognised.
/// </summary>
public sealed record CheckoutClaim(Guid UserId, string Key, Guid OrderId, string Fingerprint, bool Completed, DateTimeOffset ClaimedAt);
