using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Progress;

/// <summary>
/// How long an order waits in each status before it moves on by itself (Orders__Progress__PaymentConfirmed=00:00:03 …),
/// and how often the worker looks. Seconds in development, longer elsewhere (see appsettings*.json).
/// </summary>
public sealed class OrderProgressOptions
{
    public const string Section = "Orders:Progress";

    /// <summary>Pending → Paid.</summary>
    public TimeSpan PaymentConfirmed { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Paid → Shipped.</summary>
    public TimeSpan Shipped { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Shipped → Delivered.</summary>
    public TimeSpan Delivered { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 200;
    public bool Enabled { get; set; } = true;

    /// <summary>When an order that has just entered <paramref name="status"/> is due to move on, or null if it stays.</summary>
    public DateTimeOffset? NextStepAt(OrderStatus status, DateTimeOffset enteredAt) => status switch
    {
        OrderStatus.Pending => enteredAt + PaymentConfirmed,
        OrderStatus.Paid => enteredAt + Shipped,
        OrderStatus.Shipped => enteredAt + Delivered,
        _ => null,
    };
}
