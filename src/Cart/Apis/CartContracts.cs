using System.ComponentModel.DataAnnotations;
using ProductStore.Cart.Domain;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Cart.Apis;

public sealed record CartItemResponse(
    Guid ProductId, string Name, int Quantity, decimal UnitPrice, decimal PriceWhenAdded, decimal CurrentPrice, bool PriceChanged, string Currency, decimal LineTotal);

public sealed record CartResponse(Guid UserId, IReadOnlyList<CartItemResponse> Items, decimal Total, string Currency, int ItemCount)
{
    public const string DefaultCurrency = "EUR";

    public static CartResponse From(Guid userId, IReadOnlyList<PricedLine> lines) => new(
        userId,
        lines.Select(l => new CartItemResponse(l.Line.ProductId, l.Line.Name, l.Line.Quantity, l.CurrentPrice, l.Line.PriceWhenAdded, l.CurrentPrice,
            l.PriceChanged, l.Line.Currency, l.LineTotal)).ToArray(),
        CartRules.Total(lines),
        lines.FirstOrDefault()?.Line.Currency ?? DefaultCurrency,
        lines.Sum(l => l.Line.Quantity));
}

public sealed record SetQuantityRequest([property: Range(CartRules.MinQuantity, CartRules.MaxQuantity)] int? Quantity) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.When(!CartRules.IsValidQuantity(Quantity), "quantity", $"The quantity must be a whole number from {CartRules.MinQuantity} to {CartRules.MaxQuantity}.");

    /// <summary>The quantity; call after <see cref="Validate"/> passed.</summary>
    public int ToQuantity() => Quantity!.Value;
}

/// <summary>GET /internal/carts/{userId}: the cart as Orders reads it at checkout.</summary>
public sealed record CartSnapshot(Guid UserId, IReadOnlyList<CartSnapshotItem> Items);

public sealed record CartSnapshotItem(Guid ProductId, string Name, int Quantity, decimal PriceWhenAdded, string Currency);

public sealed record RemoveOrderedRequest(IReadOnlyList<OrderedItem>? Items) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.When(Items is null, "items", "The ordered items are required.");

    /// <summary>The ordered lines; call after <see cref="Validate"/> passed.</summary>
    public IReadOnlyList<(Guid ProductId, int Quantity)> ToOrdered() => Items!.Select(i => (i.ProductId, i.Quantity)).ToArray();
}

public sealed record OrderedItem(Guid ProductId, int Quantity);
