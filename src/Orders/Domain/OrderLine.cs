namespace ProductStore.Orders.Domain;

/// <summary>One product in an order, priced by Catalog when its stock was reserved.</summary>
public sealed record OrderLine(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency)
{
    public decimal LineTotal => Money.Round(UnitPrice * Quantity);
}
