using ProductStore.Orders.Checkout;
using ProductStore.Orders.Clients;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Progress;

namespace ProductStore.Orders.Tests;

public class OrderTests
{
    [Fact]
    public void Totals_are_exact_decimal_sums_rounded_to_the_cent()
    {
        var order = Order.Place(Guid.NewGuid(), Guid.NewGuid(),
        [
            new OrderLine(Guid.NewGuid(), "A", "A", 3, 0.1m, "EUR"),
            new OrderLine(Guid.NewGuid(), "B", "B", 2, 19.99m, "EUR"),
            new OrderLine(Guid.NewGuid(), "C", "C", 1, 0.005m, "EUR"),
        ], DateTimeOffset.UtcNow, null);

        Assert.Equal(0.3m, order.Lines[0].LineTotal);
        Assert.Equal(39.98m, order.Lines[1].LineTotal);
        Assert.Equal(0.01m, order.Lines[2].LineTotal);
        Assert.Equal(40.29m, order.Total);
        Assert.Equal("EUR", order.Currency);
    }

    [Fact]
    public void A_new_order_is_pending_with_one_history_entry_by_its_user()
    {
        var user = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var order = Order.Place(Guid.NewGuid(), user, [new OrderLine(Guid.NewGuid(), "A", "A", 1, 1m, "USD")], at, at.AddSeconds(5));

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal([new StatusChange(null, OrderStatus.Pending, at, $"user:{user}")], order.History);
        Assert.Equal(at.AddSeconds(5), order.NextStepAt);
    }

    [Fact]
    public void An_order_needs_lines_in_one_currency()
    {
        Assert.Throws<ArgumentException>(() => Order.Place(Guid.NewGuid(), Guid.NewGuid(), [], DateTimeOffset.UtcNow, null));
        Assert.Throws<ArgumentException>(() => Order.Place(Guid.NewGuid(), Guid.NewGuid(),
            [new OrderLine(Guid.NewGuid(), "A", "A", 1, 1m, "USD"), new OrderLine(Guid.NewGuid(), "B", "B", 1, 1m, "EUR")], DateTimeOffset.UtcNow, null));
    }

    [Fact]
    public void Cart_fingerprints_ignore_line_order_but_not_quantities()
    {
        var a = new CartSnapshotItem(Guid.NewGuid(), "A", 1, 1m, "USD");
        var b = new CartSnapshotItem(Guid.NewGuid(), "B", 2, 1m, "USD");

        Assert.Equal(CartFingerprint.Of([a, b]), CartFingerprint.Of([b, a]));
        Assert.NotEqual(CartFingerprint.Of([a, b]), CartFingerprint.Of([a, b with { Quantity = 3 }]));
        Assert.NotEqual(CartFingerprint.Of([a]), CartFingerprint.Of([a, b]));
    }

    [Fact]
    public void Each_moving_status_is_due_after_its_configured_delay()
    {
        var options = new OrderProgressOptions { PaymentConfirmed = TimeSpan.FromSeconds(1), Shipped = TimeSpan.FromSeconds(2), Delivered = TimeSpan.FromSeconds(3) };
        var at = DateTimeOffset.UtcNow;

        Assert.Equal(at.AddSeconds(1), options.NextStepAt(OrderStatus.Pending, at));
        Assert.Equal(at.AddSeconds(2), options.NextStepAt(OrderStatus.Paid, at));
        Assert.Equal(at.AddSeconds(3), options.NextStepAt(OrderStatus.Shipped, at));
        Assert.Null(options.NextStepAt(OrderStatus.Delivered, at));
        Assert.Null(options.NextStepAt(OrderStatus.Cancelled, at));
    }
}
