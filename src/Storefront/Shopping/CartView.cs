using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Shopping;

/// <summary>A cart line as the cart page shows it, with what the shopper should know: a changed price, too little stock.</summary>
public sealed record CartViewLine(
    Guid ProductId, string Name, int Quantity, decimal UnitPrice, string Currency, decimal LineTotal, decimal? PriceWhenAdded, int? Stock)
{
    public bool PriceChanged => PriceWhenAdded is { } then && then != UnitPrice;
    public bool OutOfStock => Stock is 0;
    public bool Short => Stock is { } stock && stock > 0 && stock < Quantity;
}

/// <summary>The cart page's lines and totals, from the account's cart or from a guest's (priced from the catalog).</summary>
public sealed record CartView(IReadOnlyList<CartViewLine> Lines, decimal Total, string Currency)
{
    public int ItemCount => Lines.Sum(l => l.Quantity);
    public bool CanCheckOut => Lines.Count > 0 && !Lines.Any(l => l.OutOfStock || l.Short);

    public static CartView FromAccount(ShopperCart cart, IReadOnlyList<Product> products)
    {
        var stock = products.ToDictionary(p => p.Id, p => p.Stock);
        return new(cart.Items.Select(i => new CartViewLine(i.ProductId, i.Name, i.Quantity, i.UnitPrice, i.Currency, i.LineTotal,
            i.PriceWhenAdded, stock.TryGetValue(i.ProductId, out var s) ? s : 0)).ToList(), cart.Total, cart.Currency);
    }

    /// <summary>A guest's lines at today's prices; a product gone from the catalog is left out.</summary>
    public static CartView FromGuest(IReadOnlyDictionary<Guid, int> lines, IReadOnlyList<Product> products)
    {
        var viewLines = products.Where(p => lines.ContainsKey(p.Id))
            .Select(p => new CartViewLine(p.Id, p.Name, lines[p.Id], p.Price, p.Currency, p.Price * lines[p.Id], null, p.Stock))
            .OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new(viewLines, viewLines.Sum(l => l.LineTotal), viewLines.FirstOrDefault()?.Currency ?? "EUR");
    }
}
