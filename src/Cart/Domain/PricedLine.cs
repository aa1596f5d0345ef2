namespace ProductStore.Cart.Domain;

/// <summary>A cart line with the product's current Catalog price.</summary>
public sealed record PricedLine(CartLine Line, decimal CurrentPrice)
{
    public bool PriceChanged => CurrentPrice != Line.PriceWhenAdded;

    /// <summary>Lines are charged at the current price: checkout prices come from Catalog, never from the cart.</summary>
    public decimal LineTotal => CurrentPrice * Line.Quantity;
}
