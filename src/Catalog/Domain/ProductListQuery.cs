using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Domain;

public enum ProductSort
{
    Newest,
    Price,
    PriceDescending,
    Name,
}

/// <summary>GET /api/catalog/products: filters, sort and page, validated at the edge.</summary>
public sealed record ProductListQuery(
    string? Category, string? Q, decimal? MinPrice, decimal? MaxPrice, bool? InStock, string? Sort, string? Cursor, int? Limit) : IValidatable
{
    public const int MaxSearchLength = 100;

    public ProductSort SortOrder => Sort switch
    {
        "price" => ProductSort.Price,
        "-price" => ProductSort.PriceDescending,
        "name" => ProductSort.Name,
        _ => ProductSort.Newest,
    };

    public int Size => new PageQuery(Cursor, Limit).Size;

    /// <summary>A cursor only continues the listing it came from: same filters, same sort.</summary>
    public string CursorKind => $"products:{SortOrder}:{Category}:{Q?.ToLowerInvariant()}:{MinPrice}:{MaxPrice}:{InStock}";

    public void Validate(ValidationErrors errors)
    {
        new PageQuery(Cursor, Limit).Validate(errors);
        errors.When(Sort is not (null or "price" or "-price" or "name" or "newest"), "sort", "The sort must be one of price, -price, name, newest.");
        errors.When(Q?.Length > MaxSearchLength, "q", $"The search text must have at most {MaxSearchLength} characters.");
        errors.When(MinPrice < 0, "minPrice", "The minimum price must not be negative.");
        errors.When(MaxPrice < 0, "maxPrice", "The maximum price must not be negative.");
        errors.When(MinPrice > MaxPrice, "minPrice", "The minimum price must not exceed the maximum price.");
    }
}
