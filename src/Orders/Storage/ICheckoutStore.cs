using ProductStore.Orders.Checkout;
using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Storage;

/// <summary>
/// Idempotency keys of checkouts: (user, key) → the order it made. A claim is taken before stock is reserved,
/// and completed in the same write that stores the order, so a retry finds either the order or the claim.
/// </summary>
public interface ICheckoutStore
{
    /// <summary>Inserts <paramref name="candidate"/> unless the user already used that key; returns what is stored.</summary>
    Task<(CheckoutClaim Claim, bool Inserted)> ClaimAsync(CheckoutClaim candidate, CancellationToken cancellationToken);

    Task<CheckoutClaim?> FindAsync(Guid userId, string key, CancellationToken cancellationToken);

    /// <summary>Stores the order and marks its claim completed, together.</summary>
    Task CompleteAsync(CheckoutClaim claim, Order order, CancellationToken cancellationToken);

    /// <summary>Takes over a stale claim (its owner likely crashed) if nobody else did since <paramref name="seenClaimedAt"/>.</summary>
    Task<bool> TryTakeOverAsync(CheckoutClaim claim, DateTimeOffset seenClaimedAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an unfinished claim as abandoned (claimed at the epoch): nobody works on it any more, so the next
    /// retry with the key, or recovery, takes it over at once instead of waiting out the lease.
    /// </summary>
    Task AbandonAsync(CheckoutClaim claim, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose checkout failed and left nothing reserved, so the key can be used again.</summary>
    Task DeleteAsync(Guid userId, string key, CancellationToken cancellationToken);

    /// <summary>Claims still in progress that were taken before <paramref name="claimedBefore"/>.</summary>
    Task<IReadOnlyList<CheckoutClaim>> FindStaleAsync(DateTimeOffset claimedBefore, int limit, CancellationToken cancellationToken);
}
