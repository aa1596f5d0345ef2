using Microsoft.Extensions.Options;
using ProductStore.Orders.Storage;

namespace ProductStore.Orders.Checkout;

/// <summary>
/// Finishes checkouts whose process died mid-way (claim older than its lease): one that stored its order is
/// marked complete; one that did not gets its reservation released and its claim forgotten.
/// </summary>
public sealed class CheckoutRecovery(ICheckoutStore checkouts, IOrderStore orders, CheckoutCompensation compensation,
    IOptions<CheckoutOptions> options, TimeProvider time, ILogger<CheckoutRecovery> logger)
{
    public async Task<int> RecoverAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = await checkouts.FindStaleAsync(now - options.Value.ClaimLease, limit, cancellationToken);
        var recovered = 0;
        foreach (var claim in stale)
        {
            if (!await checkouts.TryTakeOverAsync(claim, claim.ClaimedAt, now, cancellationToken)) continue;
            if (await orders.FindAsync(claim.OrderId, cancellationToken) is { } order)
            {
                await checkouts.CompleteAsync(claim, order, cancellationToken);
            }
            else
            {
                await compensation.ReleaseAndForgetAsync(claim);
            }
            logger.LogInformation("Recovered an unfinished checkout for order {OrderId}", claim.OrderId);
            recovered++;
        }
        return recovered;
    }
}
