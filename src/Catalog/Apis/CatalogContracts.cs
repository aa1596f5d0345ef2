using System.Text.RegularExpressions;
using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Apis;

public sealed record ProductResponse(
    Guid Id, string Sku, string Name, string Description, string Category, decimal Price, string Currency, int Stock,
    string ImageUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(Product p) => new(p.Id, p.Sku, p.Name, p.Description, p.Category, p.Price, p.Currency, p.Stock, p.ImageUrl, p.CreatedAt, p.UpdatedAt);
}

public sealed record CategoryResponse(Guid Id, string Slug, string Name)
{
    public static CategoryResponse From(Category c) => new(c.Id, c.Slug, c.Name);
}

/// <summary>The body of POST /api/catalog/products: a new product with its opening stock.</summary>
public sealed record ProductRequest(
    string? Sku, string? Name, string? Description, string? Category, decimal? Price, string? Currency, int? Stock, string? ImageUrl) : IValidatable
{
    public const string DefaultCurrency = "EUR";

    public void Validate(ValidationErrors errors)
    {
        ProductFields.Validate(errors, Sku, Name, Description, Category, Price, Currency, ImageUrl);
        errors.When(!ProductRules.IsStock(Stock), "stock", "The stock must be a whole number from 0 to 1,000,000,000.");
    }

    public Product ToProduct(Guid id, DateTimeOffset now) => new(
        id, Sku!, Name!.Trim(), Description ?? "", Category!, Price!.Value, Currency ?? DefaultCurrency, Stock!.Value, ImageUrl ?? "", now, now);
}

/// <summary>
/// The body of PUT /api/catalog/products/{id}: every field but the stock, which changes only through
/// POST /api/catalog/products/{id}/stock-adjustments so an edit can never undo a sale.
/// </summary>
public sealed record ProductEditRequest(
    string? Sku, string? Name, string? Description, string? Category, decimal? Price, string? Currency, int? Stock, string? ImageUrl) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        ProductFields.Validate(errors, Sku, Name, Description, Category, Price, Currency, ImageUrl);
        errors.When(Stock is not null, "stock", "An edit does not set the stock: POST a signed change to /api/catalog/products/{id}/stock-adjustments.");
    }

    /// <summary>The edited product; its stock (0 here) is never written by an edit.</summary>
    public Product ToProduct(Guid id, DateTimeOffset now) => new(
        id, Sku!, Name!.Trim(), Description ?? "", Category!, Price!.Value, Currency ?? ProductRequest.DefaultCurrency, 0, ImageUrl ?? "", now, now);
}

/// <summary>The rules the fields of a new and an edited product share.</summary>
internal static class ProductFields
{
    public static void Validate(ValidationErrors errors, string? sku, string? name, string? description, string? category, decimal? price,
        string? currency, string? imageUrl)
    {
        errors.When(string.IsNullOrWhiteSpace(sku) || sku.Length > 64 || sku.Any(char.IsWhiteSpace), "sku", "A SKU of 1 to 64 characters without spaces is required.");
        errors.When(string.IsNullOrWhiteSpace(name) || name.Length > 200, "name", "A name of 1 to 200 characters is required.");
        errors.When(description?.Length > 4000, "description", "The description must have at most 4000 characters.");
        errors.When(string.IsNullOrWhiteSpace(category), "category", "A category slug is required.");
        errors.When(price is not { } p || !ProductRules.IsPrice(p), "price", "The price must be from 0 to 1,000,000,000 with at most two decimals.");
        errors.When(!ProductRules.IsCurrency(currency ?? ProductRequest.DefaultCurrency), "currency", "The currency must be three upper-case letters (ISO 4217), e.g. EUR.");
        errors.When(!ProductRules.IsImageUrl(imageUrl), "imageUrl", "The image URL must be an absolute http or https URL (or empty).");
    }
}

/// <summary>The body of POST /api/catalog/products/{id}/stock-adjustments: units to add (positive) or take (negative).</summary>
public sealed record StockAdjustmentRequest(int? Change) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.When(Change is not { } change || change == 0 || Math.Abs((long)change) > ProductRules.MaxStock, "change",
            "The change must be a non-zero whole number from -1,000,000,000 to 1,000,000,000.");
}

public sealed record StockLevelResponse(Guid ProductId, int Stock);

public sealed partial record CategoryRequest(string? Slug, string? Name) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(Slug is null || !SlugPattern().IsMatch(Slug), "slug", "The slug must be 1 to 50 lower-case letters, digits and dashes.");
        errors.When(string.IsNullOrWhiteSpace(Name) || Name.Length > 100, "name", "A name of 1 to 100 characters is required.");
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}

public sealed record RenameCategoryRequest(string? Name) : IValidatable
{
    public void Validate(ValidationErrors errors) =>
        errors.When(string.IsNullOrWhiteSpace(Name) || Name.Length > 100, "name", "A name of 1 to 100 characters is required.");
}

/// <summary>GET /api/catalog/products/lookup?ids=a,b,c: up to 100 ids in one call.</summary>
public sealed record LookupQuery(string? Ids) : IValidatable
{
    public const int MaxIds = 100;

    public IReadOnlyCollection<Guid> Parsed => (Ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(Guid.Parse).ToHashSet();

    public void Validate(ValidationErrors errors)
    {
        var parts = (Ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        errors.When(parts.Length == 0, "ids", "Give one or more product ids, separated by commas.");
        errors.When(parts.Length > MaxIds, "ids", $"At most {MaxIds} ids per lookup.");
        errors.When(parts.Any(p => !Guid.TryParse(p, out _)), "ids", "Every id must be a GUID.");
    }
}

public sealed record ReservationRequest(Guid OrderId, IReadOnlyList<ReservationItemRequest>? Items) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.When(OrderId == Guid.Empty, "orderId", "The order id is required.");
        var items = Items ?? [];
        errors.When(items.Count is 0 or > 100, "items", "Between 1 and 100 items are required.");
        errors.When(items.Any(i => i is null || i.ProductId == Guid.Empty || i.Quantity is < 1 or > 1000), "items", "Every item needs a product id and a quantity from 1 to 1000.");
        errors.When(items.OfType<ReservationItemRequest>().GroupBy(i => i.ProductId).Any(g => g.Count() > 1), "items", "Each product may appear only once.");
    }
}
