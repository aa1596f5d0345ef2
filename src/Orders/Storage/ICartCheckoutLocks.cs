namespace ProductStore.Orders.Storage;

/// <summary>
/// One checkout per cart at a time: a user's cart is held by the Idempotency-Key of the checkout running on it, from before
/// the cart is read until it is emptied, so a second key cannot order the same cart again. A holder that died is replaced
/// once its lock is older than the claim lease.
/// </summary>
public interface ICartCheckoutLocks
{
    /// <summary>True when the cart was free, is already held by <paramref name="key"/>, or its holder locked it before <paramref name="staleBefore"/>.</summary>
    Task<bool> TryLockAsync(Guid userId, string key, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken);

    /// <summary>Frees the cart if <paramref name="key"/> still holds it.</summary>
    Task UnlockAsync(Guid userId, string key, CancellationToken cancellationToken);
}
