using Microsoft.Extensions.Options;
using ProductStore.Orders.Clients;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;

namespace ProductStore.Orders.Progress;

/// <summary>
/// Applies a status change to a stored order: the domain checks it is legal, the store applies it only if
/// nobody changed the status meanwhile, and a cancellation returns the order's stock to Catalog.
/// </summary>
public sealed class OrderTransitions(IOrderStore orders, StockClient stock, IOptions<OrderProgressOptions> options,
    TimeProvider time, OrdersMetrics metrics, ILogger<OrderTransitions> logger)
{
    private const int Attempts = 3;

    /// <summary>Moves the order or throws <see cref="InvalidTransitionException"/>; retries if it raced with another change.</summary>
    public async Task<Order?> MoveAsync(Guid orderId, OrderStatus target, string by, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var order = await orders.FindAsync(orderId, cancellationToken);
            if (order is null) return null;
            if (await TryMoveAsync(order, target, by, cancellationToken, throwIfIllegal: true)) return order;
        }
        throw new InvalidOperationException($"Order {orderId} kept changing while moving it to {target}.");
    }

    /// <summary>False when the move is illegal now or someone else changed the order first.</summary>
    public async Task<bool> TryMoveAsync(Order order, OrderStatus target, string by, CancellationToken cancellationToken, bool throwIfIllegal = false)
    {
        var expected = order.Status;
        if (!OrderStatusMachine.CanMove(expected, target) && !throwIfIllegal) return false;
        var now = time.GetUtcNow();
        order.MoveTo(target, by, now, options.Value.NextStepAt(target, now));
        if (!await orders.TryUpdateAsync(order, expected, cancellationToken)) return false;
        metrics.StatusChanged(order.History[^1], automatic: by == OrderProgressWorker.Actor);
        if (target == OrderStatus.Cancelled) await TryReleaseStockAsync(order, cancellationToken);
        return true;
    }

    /// <summary>Returns a cancelled order's stock; if Catalog is unreachable, the worker tries again later.</summary>
    public async Task TryReleaseStockAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            await stock.ReleaseAsync(order.Id, cancellationToken);
            await orders.MarkStockReleasedAsync(order.Id, cancellationToken);
            order.StockReleased();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Stock of cancelled order {OrderId} could not be released yet; will retry", order.Id);
        }
    }
}
