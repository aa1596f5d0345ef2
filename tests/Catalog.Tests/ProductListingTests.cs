using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.Storage;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Tests;

public class ProductListingTests
{
    private static ProductListQuery Query(string? sort = null, string? q = null, decimal? min = null, decimal? max = null, bool? inStock = null,
        string? category = null, string? cursor = null, int? limit = null) => new(category, q, min, max, inStock, sort, cursor, limit);

    [Theory]
    [InlineData(null, ProductSort.Newest)]
    [InlineData("newest", ProductSort.Newest)]
    [InlineData("price", ProductSort.Price)]
    [InlineData("-price", ProductSort.PriceDescending)]
    [InlineData("name", ProductSort.Name)]
    public void Sorts_parse_from_their_query_names(string? text, ProductSort sort)
    {
        Assert.True(ProductSorts.TryParse(text, out var parsed));
        Assert.Equal(sort, parsed);
    }

    [Theory]
    [InlineData("Price")]
    [InlineData("-name")]
    [InlineData("cheapest")]
    public void Unknown_sorts_are_validation_errors(string sort)
    {
        var errors = new ValidationErrors();
        Query(sort).Validate(errors);
        Assert.Equal(["sort"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Bad_filters_are_validation_errors_per_field()
    {
        var errors = new ValidationErrors();
        Query(q: new string('x', 101), min: -1, max: 2_000_000_000m, limit: 0).Validate(errors);
        Assert.Equal(["limit", "maxPrice", "minPrice", "q"], errors.ToDictionary().Keys.Order());

        errors = new ValidationErrors();
        Query(min: 10, max: 5).Validate(errors);
        Assert.Equal(["minPrice"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Equivalent_spellings_of_a_listing_share_a_cursor_kind()
    {
        var a = Query(sort: null, q: "Kettle", min: 10m, max: 20.5m, inStock: false).ToListing();
        var b = Query(sort: "newest", q: "kETTLE", min: 10.00m, max: 20.50m, inStock: null).ToListing();

        Assert.Equal(a.CursorKind("home"), b.CursorKind("home"));
    }

    [Fact]
    public void Every_change_of_sort_or_filter_changes_the_cursor_kind()
    {
        var listings = new[]
        {
            Query().ToListing().CursorKind(null),
            Query().ToListing().CursorKind("home"),
            Query(sort: "price").ToListing().CursorKind(null),
            Query(sort: "-price").ToListing().CursorKind(null),
            Query(sort: "name").ToListing().CursorKind(null),
            Query(q: "a").ToListing().CursorKind(null),
            Query(min: 1).ToListing().CursorKind(null),
            Query(max: 1).ToListing().CursorKind(null),
            Query(inStock: true).ToListing().CursorKind(null),
            // The separators of the hashed text must not let two listings collide.
            Query(q: "a\nb").ToListing().CursorKind(null),
            Query(q: "a").ToListing().CursorKind("b"),
        };
        Assert.Equal(listings.Length, listings.Distinct().Count());
    }

    [Fact]
    public void A_cursor_kind_has_no_cursor_separator_even_when_the_search_has_one() =>
        Assert.DoesNotContain('|', Query(q: "a|b", category: "x|y").ToListing().CursorKind("x|y"));

    [Theory]
    [InlineData(ProductSort.Name, "kettle | deluxe|x")]
    [InlineData(ProductSort.Price, 1999L)]
    [InlineData(ProductSort.Newest, 1_700_000_000_000L)]
    public void A_keyset_cursor_carries_the_last_key_and_id(ProductSort sort, object key)
    {
        var id = Guid.CreateVersion7();
        var cursor = SqliteProductKeyset.Encode("k", key, id);
        Assert.Equal((key, id), SqliteProductKeyset.Decode(cursor, "k", sort));
    }

    [Fact]
    public void A_keyset_cursor_is_refused_by_another_listing_or_when_forged()
    {
        var cursor = SqliteProductKeyset.Encode("products.Price.A", 1999L, Guid.CreateVersion7());
        Assert.Throws<InvalidCursorException>(() => SqliteProductKeyset.Decode(cursor, "products.Price.B", ProductSort.Price));
        Assert.Throws<InvalidCursorException>(() => SqliteProductKeyset.Decode(Cursor.Encode("k", "abc|" + Guid.NewGuid()), "k", ProductSort.Price));
        Assert.Throws<InvalidCursorException>(() => SqliteProductKeyset.Decode(Cursor.Encode("k", "1999|not-a-guid"), "k", ProductSort.Price));
        Assert.Throws<InvalidCursorException>(() => SqliteProductKeyset.Decode(Cursor.Encode("k", "1999"), "k", ProductSort.Price));
    }

    [Theory]
    [InlineData(ProductSort.Price, "price_cents", false)]
    [InlineData(ProductSort.PriceDescending, "price_cents", true)]
    [InlineData(ProductSort.Name, "name_lower", false)]
    [InlineData(ProductSort.Newest, "created_at", true)]
    public void Each_sort_orders_by_its_key_column(ProductSort sort, string column, bool descending) =>
        Assert.Equal((column, descending), SqliteProductKeyset.For(sort));
}
