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
}
