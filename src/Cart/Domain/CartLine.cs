namespace ProductStore.Cart.Domain;

/// <summary>A stored cart line: the product, how many, and the price the shopper saw when adding it.</summary>
public sealed record CartLine(Guid ProductId, string Name, int Quantity, decimal PriceWhenAdded, string Currency, DateTimeOffset AddedAt);
