using ProductStore.Orders.Clients;
using ProductStore.Orders.Storage;

namespace ProductStore.Orders.Checkout;

/// <summary>
/// Undoes a checkout that reserved stock but made no order. If Catalog cannot be reached now, the claim is left
/// abandoned: the shopper's retry resumes it (the reservation is idempotent by order id) or
/// <see cref="CheckoutRecovery"/> releases it later. Stock is never left reserved for nothing.
/// </summary>
public sealed class CheckoutCompensation(StockClient stock, IOrderStore orders, ICheckoutStore checkouts, ILogger<CheckoutCompensation> logger)
{
    public async Task ReleaseAndForgetAsync(CheckoutClaim claim)
    {
        try
        {
            // A store that failed after writing (a timeout) may still hold the order: then it keeps its stock.
            if (await orders.FindAsync(claim.OrderId, CancellationToken.None) is not null) return;
            using (OrdersTelemetry.Step("checkout.release_stock")) await stock.ReleaseAsync(claim.OrderId, CancellationToken.None);
            await checkouts.DeleteAsync(claim.UserId, claim.Key, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not undo checkout of order {OrderId} now; a retry or recovery will finish it", claim.OrderId);
            await TryAbandonAsync(claim);
        }
    }

    private async Task TryAbandonAsync(CheckoutClaim claim)
    {
        try
        {
            await checkouts.AbandonAsync(claim, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Then the claim's lease runs out instead, with the same effect a little later.
            logger.LogWarning(e, "Could not mark checkout of order {OrderId} abandoned", claim.OrderId);
        }
    }
}
