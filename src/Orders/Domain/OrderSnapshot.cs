namespace ProductStore.Orders.Domain;

/// <summary>An order's state as stored, which <see cref="Order.Restore"/> takes back: every field named, none by position.</summary>
public sealed record OrderSnapshot
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
    public required OrderStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required IReadOnlyList<StatusChange> History { get; init; }
    public required DateTimeOffset? NextStepAt { get; init; }
    public required bool StockReleasePending { get; init; }
}
