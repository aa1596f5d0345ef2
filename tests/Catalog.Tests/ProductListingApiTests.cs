using System.Net;
using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

public class ProductListingApiTests(ListingFixture fixture) : IClassFixture<ListingFixture>
{
    private const int DefaultPageSize = 20;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    // SQLite compares ids as text and names as bytes: ordinal order, independent of the code under test.
    private static string IdKey(Product p) => p.Id.ToString().ToUpperInvariant();

    private static IEnumerable<Product> Sorted(IEnumerable<Product> products, string sort) => sort switch
    {
        "price" => products.OrderBy(p => p.Price).ThenBy(IdKey, StringComparer.Ordinal),
        "-price" => products.OrderByDescending(p => p.Price).ThenByDescending(IdKey, StringComparer.Ordinal),
        "name" => products.OrderBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(IdKey, StringComparer.Ordinal),
        _ => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(IdKey, StringComparer.Ordinal),
    };

    private async Task AssertListing(string query, string sort, Func<Product, bool> filter, int limit)
    {
        var expected = Sorted(fixture.Products.Where(filter), sort).Select(p => p.Id).ToList();

        var (items, pages) = await _client.ListAllPagesAsync($"{query}&sort={Uri.EscapeDataString(sort)}&limit={limit}");

        Assert.Equal(items.Count, items.Select(p => p.Id).Distinct().Count());
        Assert.Equal(expected, items.Select(p => p.Id).ToList());
        Assert.Equal(Math.Max(1, (expected.Count + limit - 1) / limit), pages);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("-price")]
    [InlineData("name")]
    [InlineData("newest")]
    public async Task Each_sort_pages_through_everything_in_order_without_duplicates_or_gaps(string sort)
    {
        await AssertListing("", sort, _ => true, limit: 7);
        await AssertListing("", sort, _ => true, limit: 1);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("-price")]
    [InlineData("name")]
    [InlineData("newest")]
    public async Task A_category_pages_through_its_own_products(string sort) =>
        await AssertListing("category=alpha", sort, p => p.Category == "alpha", limit: 5);

    [Theory]
    [InlineData("q=apple", "apple")]
    [InlineData("q=APPLE", "apple")]
    [InlineData("q=50%25", "50%")]
    [InlineData("q=r_s", "r_s")]
    [InlineData("q=nothing-like-this", "nothing-like-this")]
    public async Task Search_matches_names_containing_the_text_in_any_case(string query, string text) =>
        await AssertListing(query, "name", p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase), limit: 3);

    [Theory]
    [InlineData("minPrice=1.5", "price")]
    [InlineData("maxPrice=10", "-price")]
    [InlineData("minPrice=1.5&maxPrice=10.01", "newest")]
    [InlineData("minPrice=10.005&maxPrice=10.005", "price")]
    public async Task Price_bounds_are_inclusive(string query, string sort)
    {
        var bounds = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var min = bounds.GetValueOrDefault("minPrice", decimal.MinValue);
        var max = bounds.GetValueOrDefault("maxPrice", decimal.MaxValue);
        await AssertListing(query, sort, p => p.Price >= min && p.Price <= max, limit: 4);
    }

    [Fact]
    public async Task In_stock_only_leaves_out_sold_out_products()
    {
        await AssertListing("inStock=true", "price", p => p.Stock > 0, limit: 6);
        await AssertListing("inStock=false", "price", _ => true, limit: 20);
    }

    [Fact]
    public async Task Filters_combine()
    {
        await AssertListing("category=beta&q=an&minPrice=1&inStock=true", "-price",
            p => p.Category == "beta" && p.Name.Contains("an", StringComparison.OrdinalIgnoreCase) && p.Price >= 1 && p.Stock > 0, limit: 2);
        await AssertListing("category=empty", "name", _ => false, limit: 5);
        await AssertListing("category=no-such-category", "name", _ => false, limit: 5);
    }

    [Fact]
    public async Task The_default_is_newest_first_twenty_at_a_time()
    {
        var page = await (await _client.GetAsync("/api/catalog/products")).ShouldBe<ProductPageDto>(HttpStatusCode.OK);

        Assert.Equal(Sorted(fixture.Products, "newest").Take(DefaultPageSize).Select(p => p.Id), page.Items.Select(p => p.Id));
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task The_limit_is_capped_at_a_hundred()
    {
        var page = await (await _client.GetAsync("/api/catalog/products?limit=1000")).ShouldBe<ProductPageDto>(HttpStatusCode.OK);
        Assert.Equal(fixture.Products.Count, page.Items.Count); // fewer than 100 exist: all, and no next page
        Assert.Null(page.NextCursor);
        await (await _client.GetAsync("/api/catalog/products?limit=0")).ShouldBeValidationProblem("limit");
    }

    [Fact]
    public async Task A_cursor_continues_only_the_listing_that_issued_it()
    {
        var page = await (await _client.GetAsync("/api/catalog/products?sort=price&q=apple&category=alpha&limit=2")).ShouldBe<ProductPageDto>(HttpStatusCode.OK);
        var cursor = page.NextCursor!;

        // The same listing continues, even with another page size.
        await (await _client.GetAsync($"/api/catalog/products?sort=price&q=Apple&category=alpha&limit=3&cursor={cursor}")).ShouldBe<ProductPageDto>(HttpStatusCode.OK);
        foreach (var other in new[] { "sort=-price&q=apple&category=alpha", "sort=name&q=apple&category=alpha", "q=apple&category=alpha",
                     "sort=price&q=apples&category=alpha", "sort=price&category=alpha", "sort=price&q=apple&category=beta", "sort=price&q=apple",
                     "sort=price&q=apple&category=alpha&minPrice=0", "sort=price&q=apple&category=alpha&maxPrice=1000", "sort=price&q=apple&category=alpha&inStock=true" })
        {
            await (await _client.GetAsync($"/api/catalog/products?{other}&cursor={cursor}")).ShouldBeValidationProblem("cursor");
        }
        await (await _client.GetAsync("/api/catalog/products?cursor=garbage!")).ShouldBeValidationProblem("cursor");
    }

    [Fact]
    public async Task A_forged_cursor_for_the_right_listing_is_a_400_not_a_500()
    {
        var kind = new ProductListQuery(null, null, null, null, null, "price", null, null).ToListing().CursorKind(null);
        var forged = ProductStore.Storage.Cursor.Encode(kind, "not-a-number|" + Guid.NewGuid());
        await (await _client.GetAsync($"/api/catalog/products?sort=price&cursor={forged}")).ShouldBeValidationProblem("cursor");
    }

    [Theory]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("maxPrice=-1", "maxPrice")]
    [InlineData("minPrice=5&maxPrice=4", "minPrice")]
    public async Task Bad_listing_parameters_are_validation_problems(string query, string field) =>
        await (await _client.GetAsync($"/api/catalog/products?{query}")).ShouldBeValidationProblem(field);

    [Fact]
    public async Task Unparsable_listing_parameters_are_400_problems()
    {
        await (await _client.GetAsync("/api/catalog/products?minPrice=cheap")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/catalog/products?inStock=maybe")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }
}
