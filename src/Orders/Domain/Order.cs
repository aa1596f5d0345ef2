namespace ProductStore.Orders.Domain;

/// <summary>
/// An order and its rules. Its status changes only through <see cref="MoveTo"/>, which records each change
/// in the history. <see cref="NextStepAt"/> is when the order is due to move on by itself.
/// </summary>
public sealed class Order
{
    private readonly List<StatusChange> _history;

    private Order(OrderSnapshot state)
    {
        Id = state.Id;
        UserId = state.UserId;
        Lines = state.Lines;
        Status = state.Status;
        CreatedAt = state.CreatedAt;
        UpdatedAt = state.UpdatedAt;
        _history = [.. state.History];
        NextStepAt = state.NextStepAt;
        StockReleasePending = state.StockReleasePending;
    }

    public Guid Id { get; }
    public Guid UserId { get; }
    public IReadOnlyList<OrderLine> Lines { get; }
    public OrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<StatusChange> History => _history;
    public DateTimeOffset? NextStepAt { get; private set; }
    /// <summary>Cancelled, and its reserved stock not yet confirmed returned to Catalog.</summary>
    public bool StockReleasePending { get; private set; }

    public string Currency => Lines[0].Currency;
    public decimal Total => Money.Round(Lines.Sum(l => l.LineTotal));

    public static Order Place(Guid id, Guid userId, IReadOnlyList<OrderLine> lines, DateTimeOffset at, DateTimeOffset? nextStepAt)
    {
        if (lines.Count == 0) throw new ArgumentException("An order needs at least one line.", nameof(lines));
        if (lines.Any(l => l.Currency != lines[0].Currency)) throw new ArgumentException("An order is in one currency.", nameof(lines));
        return new Order(new OrderSnapshot
        {
            Id = id,
            UserId = userId,
            Lines = lines,
            Status = OrderStatus.Pending,
            CreatedAt = at,
            UpdatedAt = at,
            History = [new StatusChange(null, OrderStatus.Pending, at, $"user:{userId}")],
            NextStepAt = nextStepAt,
            StockReleasePending = false,
        });
    }

    public static Order Restore(OrderSnapshot stored) => new(stored);

    /// <summary>Moves to <paramref name="target"/> or throws <see cref="InvalidTransitionException"/>; cancelling marks the stock for release.</summary>
    public void MoveTo(OrderStatus target, string by, DateTimeOffset at, DateTimeOffset? nextStepAt)
    {
        if (!OrderStatusMachine.CanMove(Status, target)) throw new InvalidTransitionException(Status, target);
        _history.Add(new StatusChange(Status, target, at, by));
        Status = target;
        UpdatedAt = at;
        NextStepAt = nextStepAt;
        if (target == OrderStatus.Cancelled) StockReleasePending = true;
    }

    public void StockReleased() => StockReleasePending = false;

    public bool CanBeCancelled => OrderStatusMachine.CanMove(Status, OrderStatus.Cancelled);
}
