using ProductStore.Orders.Domain;

namespace ProductStore.Orders.Contracts;

public sealed record OrderResponse(
    Guid Id,
    Guid UserId,
    OrderStatus Status,
    IReadOnlyList<OrderLineResponse> Items,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StatusChangeResponse> History)
{
    public static OrderResponse From(Order order) => new(
        order.Id, order.UserId, order.Status,
        order.Lines.Select(l => new OrderLineResponse(l.ProductId, l.Sku, l.Name, l.Quantity, l.UnitPrice, l.Currency, l.LineTotal)).ToArray(),
        order.Total, order.Currency, order.CreatedAt, order.UpdatedAt,
        order.History.Select(h => new StatusChangeResponse(h.From, h.To, h.At, h.By)).ToArray());
}

public sealed record OrderLineResponse(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency, decimal LineTotal);

public sealed record StatusChangeResponse(OrderStatus? From, OrderStatus To, DateTimeOffset At, string By);
