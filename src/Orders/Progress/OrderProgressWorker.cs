using Microsoft.Extensions.Options;
using ProductStore.Orders.Checkout;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;

namespace ProductStore.Orders.Progress;

/// <summary>
/// Moves orders along by themselves (payment confirmed, shipped, delivered) once their next step is due,
/// returns stock of cancelled orders that Catalog could not take back at the time, and recovers checkouts a
/// crash interrupted. All its state is in the store, so after a restart it simply carries on; every move is a
/// compare-and-set on the status, so an order is never moved twice, even with several replicas running.
/// </summary>
public sealed class OrderProgressWorker(
    IOrderStore orders,
    IServiceScopeFactory scopes,
    IOptions<OrderProgressOptions> options,
    TimeProvider time,
    OrdersMetrics metrics,
    ILogger<OrderProgressWorker> logger) : BackgroundService
{
    public const string Actor = "system:order-progress";
    private static readonly OrderStatus[] MovingStatuses = [OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Shipped];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Order progress round failed; trying again next round");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every due order moved, pending stock releases retried, stale checkouts recovered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Transitions and recovery use typed HttpClients, which live in a scope: one per round.
        await using var scope = scopes.CreateAsyncScope();
        var transitions = scope.ServiceProvider.GetRequiredService<OrderTransitions>();
        var recovery = scope.ServiceProvider.GetRequiredService<CheckoutRecovery>();
        var moved = 0;
        foreach (var status in MovingStatuses)
        {
            // Batch after batch until a short one: one batch per round would fall behind for good once more orders
            // come due per poll interval than a batch holds (200 per second by default, below the checkout rate we aim for).
            // A batch that moved nothing ends the status too, so a stuck order cannot spin the round.
            bool more;
            do
            {
                var due = await orders.FindDueAsync(status, time.GetUtcNow(), options.Value.BatchSize, cancellationToken);
                var movedNow = 0;
                foreach (var order in due)
                {
                    if (await transitions.TryMoveAsync(order, OrderStatusMachine.NextAutomatic(status)!.Value, Actor, cancellationToken)) movedNow++;
                }
                moved += movedNow;
                more = due.Count == options.Value.BatchSize && movedNow > 0;
            } while (more && !cancellationToken.IsCancellationRequested);
            var oldest = await orders.OldestDueAsync(status, cancellationToken);
            metrics.OverdueAge(status, oldest is { } dueAt ? time.GetUtcNow() - dueAt : TimeSpan.Zero);
        }
        foreach (var cancelled in await orders.FindStockReleasePendingAsync(options.Value.BatchSize, cancellationToken))
        {
            await transitions.TryReleaseStockAsync(cancelled, cancellationToken);
        }
        await recovery.RecoverAsync(options.Value.BatchSize, cancellationToken);
        return moved;
    }
}
