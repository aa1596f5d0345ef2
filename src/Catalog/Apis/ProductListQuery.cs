using ProductStore.ServiceDefaults.OpenApi;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Storage;

using ProductStore.Catalog.Domain;

namespace ProductStore.Catalog.Apis;

/// <summary>GET /api/catalog/products: filters, sort and page as the client sends them, validated at the edge.</summary>
public sealed record ProductListQuery(
    string? Category,
    [ParameterConstraint(MaxLength = ProductListQuery.MaxSearchLength)] string? Q,
    [ParameterConstraint(Minimum = 0, Maximum = (double)ProductRules.MaxPrice)] decimal? MinPrice,
    [ParameterConstraint(Minimum = 0, Maximum = (double)ProductRules.MaxPrice)] decimal? MaxPrice,
    bool? InStock,
    [ParameterConstraint(Pattern = "^(price|-price|name|newest)$")] string? Sort,
    string? Cursor,
    [ParameterConstraint(Minimum = 1)] int? Limit) : IValidatable
{
    public const int MaxSearchLength = 100;

    public void Validate(ValidationErrors errors)
    {
        new PageQuery(Cursor, Limit).Validate(errors);
        errors.When(!ProductSorts.TryParse(Sort, out _), "sort", "The sort must be one of price, -price, name, newest.");
        errors.When(Q?.Length > MaxSearchLength, "q", $"The search text must have at most {MaxSearchLength} characters.");
        errors.When(MinPrice is < 0 or > ProductRules.MaxPrice, "minPrice", "The minimum price must be from 0 to 1,000,000,000.");
        errors.When(MaxPrice is < 0 or > ProductRules.MaxPrice, "maxPrice", "The maximum price must be from 0 to 1,000,000,000.");
        errors.When(MinPrice > MaxPrice, "minPrice", "The minimum price must not exceed the maximum price.");
    }

    /// <summary>The normalized listing; call after <see cref="Validate"/> passed.</summary>
    public ProductListing ToListing()
    {
        ProductSorts.TryParse(Sort, out var sort);
        var filter = new ProductFilter(
            string.IsNullOrEmpty(Q) ? null : Q.ToLowerInvariant(),
            MinPrice is { } min ? ProductRules.CeilingCents(min) : null,
            MaxPrice is { } max ? ProductRules.FloorCents(max) : null,
            InStock == true);
        return new ProductListing(sort, filter, Cursor, new PageQuery(Cursor, Limit).Size);
    }
}
