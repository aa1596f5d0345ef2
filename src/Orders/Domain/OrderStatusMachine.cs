namespace ProductStore.Orders.Domain;

/// <summary>Pending → Paid → Shipped → Delivered, and Pending or Paid → Cancelled. Nothing else.</summary>
public static class OrderStatusMachine
{
    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Paid) => true,
        (OrderStatus.Paid, OrderStatus.Shipped) => true,
        (OrderStatus.Shipped, OrderStatus.Delivered) => true,
        (OrderStatus.Pending or OrderStatus.Paid, OrderStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>The status the order moves to by itself (payment confirmed, shipped, delivered), if any.</summary>
    public static OrderStatus? NextAutomatic(OrderStatus status) => status switch
    {
        OrderStatus.Pending => OrderStatus.Paid,
        OrderStatus.Paid => OrderStatus.Shipped,
        OrderStatus.Shipped => OrderStatus.Delivered,
        _ => null,
    };
}

/// <summary>A status change the machine does not allow: the request conflicts with the order's state (409).</summary>
public sealed class InvalidTransitionException(OrderStatus from, OrderStatus to)
    : Exception($"An order that is {from} cannot become {to}.")
{
    public OrderStatus From { get; } = from;
    public OrderStatus To { get; } = to;
}
