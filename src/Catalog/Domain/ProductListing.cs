using System.Security.Cryptography;
using System.Text;

namespace ProductStore.Catalog.Domain;

public enum ProductSort
{
    Newest,
    Price,
    PriceDescending,
    Name,
}

public static class ProductSorts
{
    /// <summary>The query's sort names; absent means newest first.</summary>
    public static bool TryParse(string? text, out ProductSort sort)
    {
        (var known, sort) = text switch
        {
            null or "" or "newest" => (true, ProductSort.Newest),
            "price" => (true, ProductSort.Price),
            "-price" => (true, ProductSort.PriceDescending),
            "name" => (true, ProductSort.Name),
            _ => (false, ProductSort.Newest),
        };
        return known;
    }
}

/// <summary>Filters that narrow a listing: name search (lower case), price range in cents, in stock only.</summary>
public sealed record ProductFilter(string? Search, long? MinPriceCents, long? MaxPriceCents, bool InStockOnly);

/// <summary>One page request of a product listing, normalized: equal listings compare equal whatever the client's spelling.</summary>
public sealed record ProductListing(ProductSort Sort, ProductFilter Filter, string? Cursor, int Size)
{
    /// <summary>
    /// The cursor kind of this listing inside <paramref name="category"/> (null: all products). A cursor only
    /// continues the listing that issued it; the filters are hashed so the kind stays short and free of separators.
    /// </summary>
    public string CursorKind(string? category)
    {
        var filters = $"{category}\n{Filter.Search}\n{Filter.MinPriceCents}\n{Filter.MaxPriceCents}\n{Filter.InStockOnly}";
        return $"products.{Sort}.{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filters)), 0, 12)}";
    }
}
