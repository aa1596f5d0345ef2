namespace ProductStore.Orders.Storage;

public enum CartLockOutcome
{
    /// <summary>The caller holds the cart now (it was free, already the caller's, or its holder's lease ran out).</summary>
    Acquired,
    /// <summary>Another request with the same Idempotency-Key holds it: its outcome will be this one's too, so wait for it.</summary>
    HeldBySameKey,
    /// <summary>A checkout under another key holds it.</summary>
    HeldByOtherKey,
}

/// <summary>
/// One checkout per cart at a time: a user's cart is held by one request (its owner id, and the Idempotency-Key it runs
/// under) from before the cart is read until it is emptied, so no second checkout can read the same lines and order them
/// again. A holder that died is replaced once its lock is older than the claim lease.
/// </summary>
public interface ICartCheckoutLocks
{
    Task<CartLockOutcome> TryLockAsync(Guid userId, string key, Guid owner, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken cancellationToken);

    /// <summary>Frees the cart if <paramref name="owner"/> still holds it.</summary>
    Task UnlockAsync(Guid userId, Guid owner, CancellationToken cancellationToken);
}
