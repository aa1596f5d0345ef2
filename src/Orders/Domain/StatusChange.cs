namespace ProductStore.Orders.Domain;

/// <summary>One entry of an order's history: what changed, when, and who or what changed it.</summary>
public sealed record StatusChange(OrderStatus? From, OrderStatus To, DateTimeOffset At, string By);
