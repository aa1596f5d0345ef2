namespace ProductStore.Catalog.Domain;

public sealed record Product(
    Guid Id, string Sku, string Name, string Description, string Category, decimal Price, string Currency, int Stock,
    string ImageUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record Category(Guid Id, string Slug, string Name);

public abstract record SaveProductOutcome
{
    /// <summary>Stored as returned (an update keeps the creation time it had).</summary>
    public sealed record Saved(Product Product) : SaveProductOutcome;
    public sealed record NotFound : SaveProductOutcome;
    public sealed record SkuTaken : SaveProductOutcome;
    public sealed record UnknownCategory : SaveProductOutcome;
    /// <summary>The product changed since the version the edit was based on (the caller's If-Match).</summary>
    public sealed record Stale(Product Current) : SaveProductOutcome;
}

public abstract record StockAdjustmentOutcome
{
    public sealed record Adjusted(int Stock) : StockAdjustmentOutcome;
    public sealed record NotFound : StockAdjustmentOutcome;
    /// <summary>The change would take the stock below zero or above the maximum; <paramref name="Stock"/> is what there is.</summary>
    public sealed record OutOfRange(int Stock) : StockAdjustmentOutcome;
}
