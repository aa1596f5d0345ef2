using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.Storage;

namespace ProductStore.Catalog.Tests.Contracts;

/// <summary>Fresh categories and products for contract tests, so tests sharing one store never see each other's data.</summary>
internal static class CatalogTestData
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);
    private static int _sequence;

    public static string NewSlug() => CatalogHttp.NewSlug();

    public static async Task<string> NewCategoryAsync(this ICatalogStore store)
    {
        var slug = NewSlug();
        Assert.True(await store.TryAddCategoryAsync(new Category(Guid.CreateVersion7(), slug, "Category " + slug), default));
        return slug;
    }

    /// <summary>A product with distinct creation times (one minute apart per call), at the stores' millisecond precision.</summary>
    public static Product NewProduct(string category, decimal price = 9.99m, int stock = 10, string? name = null)
    {
        var createdAt = Start.AddMinutes(Interlocked.Increment(ref _sequence));
        return new Product(Guid.CreateVersion7(), "SKU-" + Guid.NewGuid().ToString("N"), name ?? "Product " + Guid.NewGuid().ToString("N")[..8],
            "A product for tests — ünïcode too.", category, price, "EUR", stock, "https://images.example/p.jpg", createdAt, createdAt.AddSeconds(1));
    }

    public static async Task<Product> AddAsync(this ICatalogStore store, Product product)
    {
        var saved = Assert.IsType<SaveProductOutcome.Saved>(await store.AddAsync(product, default));
        return saved.Product;
    }

    public static ProductListing Listing(ProductSort sort, int size, string? search = null, long? min = null, long? max = null, bool inStock = false) =>
        new(sort, new ProductFilter(search, min, max, inStock), null, size);

    /// <summary>Every page, following the cursors to the end (guarded against a cursor that never ends).</summary>
    public static async Task<(List<Product> Items, int Pages)> AllPagesAsync(Func<ProductListing, Task<Page<Product>>> list, ProductListing first)
    {
        var items = new List<Product>();
        var pages = 0;
        for (var listing = first; ; )
        {
            var page = await list(listing);
            Assert.True(page.Items.Count <= first.Size, $"a page of {page.Items.Count} items for a limit of {first.Size}");
            items.AddRange(page.Items);
            Assert.True(++pages < 1000, "the listing does not end");
            if (page.NextCursor is null) return (items, pages);
            listing = listing with { Cursor = page.NextCursor };
        }
    }
}
