namespace ProductStore.Cart.Domain;

public sealed record PricedLine(CartLine Line, decimal CurrentPrice)
{
    public bool PriceChanged => CurrentPrice != Line.PriceWhenAdded;

    /// <summary>Lines are charged at the current price: checkout prices come from Catalog, never from the cart.</summary>
    public decimal LineTotal => CurrentPrice * Line.Quantity;
}

/// <summary>The cart's rules: quantities, one currency per cart, totals in decimal.</summary>
public static class CartRules
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;

    public static bool IsValidQuantity(int? quantity) => quantity is >= MinQuantity and <= MaxQuantity;

    /// <summary>A cart holds one currency; a product priced in another would make its total meaningless.</summary>
    public static bool AcceptsCurrency(IEnumerable<CartLine> lines, Guid productId, string currency) =>
        lines.Where(l => l.ProductId != productId).All(l => l.Currency == currency);

    public static decimal Total(IEnumerable<PricedLine> lines) => lines.Sum(l => l.LineTotal);
}
