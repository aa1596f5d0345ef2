namespace ProductStore.Cart.Domain;

/// <summary>The cart's rules: quantities, size, one currency per cart, totals in decimal.</summary>
public static class CartRules
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;

    /// <summary>A cart is priced with one Catalog lookup, and a lookup takes at most 100 ids.</summary>
    public const int MaxLines = 100;

    public static bool IsValidQuantity(int? quantity) => quantity is >= MinQuantity and <= MaxQuantity;

    /// <summary>True when the cart can take <paramref name="productId"/>: it is already a line, or there is room for one more.</summary>
    public static bool HasRoomFor(IReadOnlyCollection<CartLine> lines, Guid productId) =>
        lines.Count < MaxLines || lines.Any(l => l.ProductId == productId);

    /// <summary>
    /// The cart's currency when it differs from <paramref name="currency"/>, else null. A cart holds one currency;
    /// a product priced in another would make its total meaningless.
    /// </summary>
    public static string? ConflictingCurrency(IEnumerable<CartLine> lines, Guid productId, string currency) =>
        lines.FirstOrDefault(l => l.ProductId != productId && l.Currency != currency)?.Currency;

    public static decimal Total(IEnumerable<PricedLine> lines) => lines.Sum(l => l.LineTotal);

    /// <summary>Lines in the order the shopper added them; the store returns them in product id order.</summary>
    public static IEnumerable<CartLine> InAddedOrder(IEnumerable<CartLine> lines) => lines.OrderBy(l => l.AddedAt).ThenBy(l => l.ProductId);
}
