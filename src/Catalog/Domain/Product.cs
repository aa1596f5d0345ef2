namespace ProductStore.Catalog.Domain;

public sealed record Product(
    Guid Id, string Sku, string Name, string Description, string Category, decimal Price, string Currency, int Stock,
    string ImageUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record Category(Guid Id, string Slug, string Name);
