using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace ProductStore.Storefront.Catalog;

/// <summary>
/// The catalog page's state, all of it in the URL: filters, sort, the page's cursor and the trail of cursors before it
/// (the API pages forward only, so "previous" is the last cursor of the trail).
/// </summary>
public sealed record CatalogQuery(
    string? Category = null, string? Q = null, decimal? MinPrice = null, decimal? MaxPrice = null, bool InStock = false,
    string? Sort = null, string? Cursor = null, string? Trail = null)
{
    public const int PageSize = 12;
    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
        [("newest", "Newest"), ("price", "Price: low to high"), ("-price", "Price: high to low"), ("name", "Name")];

    /// <summary>Separates cursors in the trail; cursors are base64url, which never contains it.</summary>
    private const char TrailSeparator = '.';

    public bool HasPrevious => Cursor is { Length: > 0 };

    /// <summary>The API's listing for this state.</summary>
    public string ApiPath() => QueryHelpers.AddQueryString("api/catalog/products", Parameters(api: true));

    /// <summary>This state as a storefront URL.</summary>
    public string Url() => QueryHelpers.AddQueryString("/", Parameters(api: false));

    /// <summary>The page after this one; the first page's cursor is none, so an empty trail leads back to it.</summary>
    public CatalogQuery Next(string nextCursor)
    {
        var trail = string.Join(TrailSeparator, Cursors(Trail).Append(Cursor ?? ""));
        return this with { Cursor = nextCursor, Trail = trail.Length == 0 ? null : trail };
    }

    public CatalogQuery Previous()
    {
        var trail = Cursors(Trail).ToList();
        if (trail.Count == 0) return this with { Cursor = null, Trail = null };
        var previous = trail[^1];
        trail.RemoveAt(trail.Count - 1);
        return this with { Cursor = previous.Length == 0 ? null : previous, Trail = trail.Count == 0 ? null : string.Join(TrailSeparator, trail) };
    }

    /// <summary>A new filter starts from the first page.</summary>
    public CatalogQuery InCategory(string? category) => this with { Category = category, Cursor = null, Trail = null };

    public CatalogQuery WithoutFilters() => new(Category);

    /// <summary>The state from the URL's query values; a price that is not a number is left out rather than failing the page.</summary>
    public static CatalogQuery FromUrl(
        string? category, string? q, string? minPrice, string? maxPrice, string? inStock, string? sort, string? cursor, string? trail) =>
        new(Blank(category), Blank(q), Number(minPrice), Number(maxPrice), inStock == "true", Blank(sort), Blank(cursor), Blank(trail));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static IEnumerable<string> Cursors(string? trail) => string.IsNullOrEmpty(trail) ? [] : trail.Split(TrailSeparator);

    private Dictionary<string, string?> Parameters(bool api)
    {
        var parameters = new Dictionary<string, string?>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parameters[name] = value; }
        Add("category", Category);
        Add("q", Q?.Trim());
        Add("minPrice", MinPrice?.ToString(CultureInfo.InvariantCulture));
        Add("maxPrice", MaxPrice?.ToString(CultureInfo.InvariantCulture));
        Add("inStock", InStock ? "true" : null);
        Add("sort", Sort);
        Add("cursor", Cursor);
        if (!api) Add("trail", Trail);
        if (api) Add("limit", PageSize.ToString(CultureInfo.InvariantCulture));
        return parameters;
    }
}
