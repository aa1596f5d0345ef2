using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ProductStore.ServiceDefaults.OpenApi;
using ProductStore.Orders.Domain;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;

namespace ProductStore.Orders.Apis;

/// <summary>
/// The Idempotency-Key header of a checkout: required, so a retried POST can never place a second order.
/// Any printable ASCII without spaces, up to 100 characters (a UUID is typical).
/// </summary>
public sealed record CheckoutHeaders(
    [property: FromHeader(Name = CheckoutHeaders.IdempotencyKeyHeader), ParameterConstraint(Required = true, MaxLength = 100, Pattern = "^[!-~]+$")]
    string? IdempotencyKey) : IValidatable
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(IdempotencyKey))
            errors.Add(IdempotencyKeyHeader, "An Idempotency-Key header is required: send a new unique value per checkout, and the same one when retrying it.");
        else if (IdempotencyKey.Length > 100 || IdempotencyKey.Any(c => c is < '!' or > '~'))
            errors.Add(IdempotencyKeyHeader, "The Idempotency-Key must be 1–100 printable ASCII characters without spaces.");
    }

    /// <summary>The key; call after <see cref="Validate"/> passed.</summary>
    public string ToKey() => IdempotencyKey!;
}

/// <summary>PUT /api/orders/{id}/status body (admin).</summary>
public sealed record ChangeStatusRequest([property: RegularExpression(StatusNames.Pattern)] string? Status) : IValidatable
{
    [JsonIgnore]
    public OrderStatus Target => StatusNames.Parse(Status!);

    public void Validate(ValidationErrors errors) => StatusNames.Validate(Status, required: true, errors);
}

/// <summary>GET /api/orders/all query (admin): an optional status filter and the page.</summary>
public sealed record AllOrdersQuery(
    [ParameterConstraint(Pattern = StatusNames.Pattern)] string? Status, string? Cursor, [ParameterConstraint(Minimum = 1)] int? Limit) : IValidatable
{
    public OrderStatus? Filter => Status is null ? null : StatusNames.Parse(Status);
    public PageQuery Page => new(Cursor, Limit);

    public void Validate(ValidationErrors errors)
    {
        StatusNames.Validate(Status, required: false, errors);
        Page.Validate(errors);
    }
}

/// <summary>Statuses by name, in any case; numbers are not accepted.</summary>
public static class StatusNames
{
    /// <summary>The names as documented; the service also takes them in any case.</summary>
    public const string Pattern = "^(Pending|Paid|Shipped|Delivered|Cancelled)$";

    public static OrderStatus Parse(string name) => Enum.Parse<OrderStatus>(name, ignoreCase: true);

    public static void Validate(string? name, bool required, ValidationErrors errors)
    {
        if (name is null)
        {
            errors.When(required, "status", "The status is required.");
            return;
        }
        if (!Enum.GetNames<OrderStatus>().Contains(name, StringComparer.OrdinalIgnoreCase))
            errors.Add("status", $"Unknown status '{name}'; use one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
    }
}

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
