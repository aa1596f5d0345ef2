using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Tests;

public class OrderStatusMachineTests
{
    private static readonly HashSet<(OrderStatus, OrderStatus)> Legal =
    [
        (OrderStatus.Pending, OrderStatus.Paid),
        (OrderStatus.Paid, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Cancelled),
    ];

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var pairs = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
            foreach (var to in Enum.GetValues<OrderStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Exactly_the_five_documented_transitions_are_allowed(OrderStatus from, OrderStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), OrderStatusMachine.CanMove(from, to));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void An_order_moves_only_along_legal_transitions_and_records_each(OrderStatus from, OrderStatus to)
    {
        var order = OrderIn(from);
        var historyBefore = order.History.Count;
        var at = DateTimeOffset.UtcNow.AddMinutes(1);

        if (Legal.Contains((from, to)))
        {
            order.MoveTo(to, "admin:test", at, null);
            Assert.Equal(to, order.Status);
            Assert.Equal(new StatusChange(from, to, at, "admin:test"), order.History[^1]);
            Assert.Equal(historyBefore + 1, order.History.Count);
            Assert.Equal(at, order.UpdatedAt);
        }
        else
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => order.MoveTo(to, "admin:test", at, null));
            Assert.Equal((from, to), (refused.From, refused.To));
            Assert.Equal(from, order.Status);
            Assert.Equal(historyBefore, order.History.Count);
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderStatus.Paid)]
    [InlineData(OrderStatus.Paid, OrderStatus.Shipped)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Delivered)]
    public void Moving_statuses_have_an_automatic_next_step(OrderStatus status, OrderStatus next) =>
        Assert.Equal(next, OrderStatusMachine.NextAutomatic(status));

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Cancelled)]
    public void Final_statuses_stay(OrderStatus status) => Assert.Null(OrderStatusMachine.NextAutomatic(status));

    [Fact]
    public void Cancelling_marks_the_stock_for_release()
    {
        var order = OrderIn(OrderStatus.Paid);
        order.MoveTo(OrderStatus.Cancelled, "user:x", DateTimeOffset.UtcNow, null);
        Assert.True(order.StockReleasePending);
        order.StockReleased();
        Assert.False(order.StockReleasePending);
    }

    internal static Order OrderIn(OrderStatus status)
    {
        var order = Order.Place(Guid.NewGuid(), Guid.NewGuid(), [new OrderLine(Guid.NewGuid(), "SKU", "Thing", 1, 5m, "USD")], DateTimeOffset.UtcNow, null);
        var path = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Paid => new[] { OrderStatus.Paid },
            OrderStatus.Shipped => [OrderStatus.Paid, OrderStatus.Shipped],
            OrderStatus.Delivered => [OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered],
            _ => [OrderStatus.Cancelled],
        };
        foreach (var step in path) order.MoveTo(step, "test", DateTimeOffset.UtcNow, null);
        return order;
    }
}
