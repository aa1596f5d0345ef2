using Microsoft.Extensions.Options;
using ProductStore.Orders.Clients;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Progress;
using ProductStore.Orders.Storage;

namespace ProductStore.Orders.Checkout;

/// <summary>
/// Checkout as a small saga: read the cart → reserve all its stock in Catalog (or none) → store the order →
/// take the ordered lines out of the cart. If the order cannot be stored, the reservation is released.
/// The Idempotency-Key claim, taken before reserving, makes retries return the first order, and its order id
/// makes the reservation itself idempotent.
/// </summary>
public sealed class CheckoutSaga(
    CartClient cart,
    StockClient stock,
    IOrderStore orders,
    ICheckoutStore checkouts,
    ICartCheckoutLocks cartLocks,
    CheckoutCompensation compensation,
    IOptions<OrderProgressOptions> progress,
    IOptions<CheckoutOptions> options,
    TimeProvider time,
    OrdersMetrics metrics,
    ILogger<CheckoutSaga> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<CheckoutOutcome> CheckOutAsync(Guid userId, string key, CancellationToken cancellationToken)
    {
        // The cart is held from before it is read until it is emptied: no other request can read the same lines and order them again.
        var owner = Guid.NewGuid();
        var waitUntil = time.GetUtcNow() + options.Value.InFlightWait;
        while (true)
        {
            var now = time.GetUtcNow();
            switch (await cartLocks.TryLockAsync(userId, key, owner, now, now - options.Value.ClaimLease, cancellationToken))
            {
                case CartLockOutcome.Acquired:
                    try
                    {
                        return await CheckOutLockedAsync(userId, key, cancellationToken);
                    }
                    finally
                    {
                        await UnlockAsync(userId, owner);
                    }
                case CartLockOutcome.HeldByOtherKey:
                    return new CheckoutOutcome.CartBusy();
            }
            // A request with this key holds the cart: once it is done, this one finds its order (or runs, if it failed).
            if (now >= waitUntil) return new CheckoutOutcome.StillInProgress();
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>If this fails, the lock's lease runs out instead and the cart is free again a little later.</summary>
    private async Task UnlockAsync(Guid userId, Guid owner)
    {
        try
        {
            await cartLocks.UnlockAsync(userId, owner, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not free the cart of user {UserId} after its checkout", userId);
        }
    }

    private async Task<CheckoutOutcome> CheckOutLockedAsync(Guid userId, string key, CancellationToken cancellationToken)
    {
        CartSnapshot snapshot;
        using (OrdersTelemetry.Step("checkout.read_cart")) snapshot = await cart.GetAsync(userId, cancellationToken);
        var fingerprint = CartFingerprint.Of(snapshot.Items);
        var waitUntil = time.GetUtcNow() + options.Value.InFlightWait;

        while (true)
        {
            var claim = await checkouts.FindAsync(userId, key, cancellationToken);
            if (claim is null)
            {
                if (snapshot.Items.Count == 0) return new CheckoutOutcome.EmptyCart();
                var (stored, inserted) = await checkouts.ClaimAsync(
                    new CheckoutClaim(userId, key, Guid.CreateVersion7(), fingerprint, false, time.GetUtcNow()), cancellationToken);
                if (inserted) return await RunAsync(stored, snapshot, cancellationToken);
                claim = stored;
            }

            // The key was used before: the same cart (or the emptied cart after that checkout) means a retry.
            if (claim.Fingerprint != fingerprint && snapshot.Items.Count > 0) return new CheckoutOutcome.KeyReused();
            if (claim.Completed) return new CheckoutOutcome.Repeated(await LoadAsync(claim.OrderId, cancellationToken));

            var now = time.GetUtcNow();
            if (claim.ClaimedAt + options.Value.ClaimLease < now && snapshot.Items.Count > 0
                && await checkouts.TryTakeOverAsync(claim, claim.ClaimedAt, now, cancellationToken))
            {
                return await RunAsync(claim with { ClaimedAt = now }, snapshot, cancellationToken);
            }
            if (now >= waitUntil) return new CheckoutOutcome.StillInProgress();
            // Another request with this key is running: wait for its result rather than reserving twice.
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private async Task<CheckoutOutcome> RunAsync(CheckoutClaim claim, CartSnapshot snapshot, CancellationToken cancellationToken)
    {
        var items = snapshot.Items.Select(i => new CartItemQuantity(i.ProductId, i.Quantity)).ToArray();
        ReservationOutcome reservation;
        try
        {
            using (OrdersTelemetry.Step("checkout.reserve_stock")) reservation = await stock.ReserveAsync(claim.OrderId, items, cancellationToken);
        }
        catch (Exception)
        {
            // The reservation may have been made before the failure reached us: release it (idempotent) to be sure.
            metrics.CheckoutFinished(CheckoutResultTag.Failed);
            await compensation.ReleaseAndForgetAsync(claim);
            throw;
        }

        switch (reservation)
        {
            case ReservationOutcome.Refused refused:
                await checkouts.DeleteAsync(claim.UserId, claim.Key, CancellationToken.None);
                metrics.CheckoutFinished(CheckoutResultTag.OutOfStock);
                return new CheckoutOutcome.OutOfStock(refused.ShortItems);
            case ReservationOutcome.Conflicted conflicted:
                await compensation.ReleaseAndForgetAsync(claim);
                metrics.CheckoutFinished(CheckoutResultTag.Failed);
                return new CheckoutOutcome.Refused(conflicted.Detail);
        }

        var reserved = ((ReservationOutcome.Reserved)reservation).Reservation;
        var lines = reserved.Items.Select(i => new OrderLine(i.ProductId, i.Sku, i.Name, i.Quantity, i.UnitPrice, i.Currency)).ToArray();
        if (lines.Select(l => l.Currency).Distinct().Count() > 1)
        {
            await compensation.ReleaseAndForgetAsync(claim);
            metrics.CheckoutFinished(CheckoutResultTag.Failed);
            return new CheckoutOutcome.Refused("The cart holds products priced in different currencies; they cannot be ordered together.");
        }

        var now = time.GetUtcNow();
        var order = Order.Place(claim.OrderId, claim.UserId, lines, now, progress.Value.NextStepAt(OrderStatus.Pending, now));
        try
        {
            using (OrdersTelemetry.Step("checkout.store_order")) await checkouts.CompleteAsync(claim, order, CancellationToken.None);
        }
        catch (Exception)
        {
            metrics.CheckoutFinished(CheckoutResultTag.Failed);
            await compensation.ReleaseAndForgetAsync(claim);
            throw;
        }

        metrics.OrderPlaced(order);
        await RemoveFromCartAsync(order);
        return new CheckoutOutcome.Placed(order);
    }

    /// <summary>The order stands even if this fails: the shopper then still sees the ordered items in the cart.</summary>
    private async Task RemoveFromCartAsync(Order order)
    {
        try
        {
            using (OrdersTelemetry.Step("checkout.clear_cart"))
            {
                await cart.RemoveOrderedAsync(order.UserId, order.Lines.Select(l => new CartItemQuantity(l.ProductId, l.Quantity)).ToArray(), CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Order {OrderId} was placed but its lines could not be removed from the cart", order.Id);
        }
    }

    private async Task<Order> LoadAsync(Guid orderId, CancellationToken cancellationToken) =>
        await orders.FindAsync(orderId, cancellationToken)
        ?? throw new InvalidOperationException($"Checkout claim points at order {orderId}, which is not stored.");
}
