using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.TestSupport;
using static ProductStore.Catalog.Tests.Contracts.CatalogTestData;

namespace ProductStore.Catalog.Tests.Contracts;

/// <summary>What every ICatalogStore must do, whichever database holds the catalog.</summary>
public abstract class CatalogStoreContract(StoreFixture stores)
{
    public static readonly TheoryData<ProductSort> Sorts = [ProductSort.Newest, ProductSort.Price, ProductSort.PriceDescending, ProductSort.Name];

    private Task<ICatalogStore> Store() => stores.GetAsync<ICatalogStore>();

    [Fact]
    public async Task Categories_are_listed_by_slug_and_a_slug_is_added_once()
    {
        var store = await Store();
        var first = new Category(Guid.CreateVersion7(), "b" + NewSlug(), "Second");
        var second = new Category(Guid.CreateVersion7(), "a" + NewSlug(), "First");

        Assert.True(await store.TryAddCategoryAsync(first, default));
        Assert.True(await store.TryAddCategoryAsync(second, default));
        Assert.False(await store.TryAddCategoryAsync(first with { Id = Guid.CreateVersion7(), Name = "Other" }, default));

        var listed = await store.ListCategoriesAsync(default);
        Assert.Equal(listed.Select(c => c.Slug).Order(StringComparer.Ordinal), listed.Select(c => c.Slug));
        Assert.Contains(first, listed);
        Assert.Contains(second, listed);
    }

    [Fact]
    public async Task Renaming_keeps_the_id_and_an_unknown_slug_is_not_renamed()
    {
        var store = await Store();
        var category = new Category(Guid.CreateVersion7(), NewSlug(), "Old name");
        await store.TryAddCategoryAsync(category, default);

        Assert.Equal(category with { Name = "New name" }, await store.RenameCategoryAsync(category.Slug, "New name", default));
        Assert.Contains(category with { Name = "New name" }, await store.ListCategoriesAsync(default));
        Assert.Null(await store.RenameCategoryAsync(NewSlug(), "Nobody", default));
        Assert.DoesNotContain(await store.ListCategoriesAsync(default), c => c.Name == "Nobody");
    }

    [Fact]
    public async Task A_category_is_deleted_only_once_it_has_no_products()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var product = await store.AddAsync(NewProduct(slug));

        Assert.Equal(DeleteCategoryResult.NotEmpty, await store.DeleteCategoryAsync(slug, default));
        Assert.Contains(await store.ListCategoriesAsync(default), c => c.Slug == slug);

        Assert.True(await store.DeleteAsync(product.Id, default));
        Assert.Equal(DeleteCategoryResult.Deleted, await store.DeleteCategoryAsync(slug, default));
        Assert.DoesNotContain(await store.ListCategoriesAsync(default), c => c.Slug == slug);
        Assert.Equal(DeleteCategoryResult.NotFound, await store.DeleteCategoryAsync(slug, default));
    }

    [Fact]
    public async Task A_category_that_lost_its_only_product_to_another_category_can_be_deleted()
    {
        var store = await Store();
        var (from, to) = (await store.NewCategoryAsync(), await store.NewCategoryAsync());
        var product = await store.AddAsync(NewProduct(from));

        await store.UpdateAsync(product with { Category = to }, ProductVersion.Of(product), default);

        Assert.Equal(DeleteCategoryResult.Deleted, await store.DeleteCategoryAsync(from, default));
        Assert.Equal(DeleteCategoryResult.NotEmpty, await store.DeleteCategoryAsync(to, default));
    }

    [Fact]
    public async Task An_added_product_reads_back_field_for_field_alone_and_in_a_batch()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var (cheap, dear) = (NewProduct(slug, price: 0.01m, stock: 0), NewProduct(slug, price: 999_999_999.99m, stock: 1_000_000_000));

        Assert.Equal(new SaveProductOutcome.Saved(cheap), await store.AddAsync(cheap, default));
        await store.AddAsync(dear);

        Assert.Equal(cheap, await store.FindAsync(cheap.Id, default));
        Assert.Null(await store.FindAsync(Guid.NewGuid(), default));
        var found = await store.FindManyAsync([dear.Id, Guid.NewGuid(), cheap.Id, dear.Id], default);
        Assert.Equal(new[] { cheap, dear }.OrderBy(p => p.Id), found.OrderBy(p => p.Id));
        Assert.Empty(await store.FindManyAsync([Guid.NewGuid()], default));
    }

    [Fact]
    public async Task A_product_needs_a_known_category_and_a_sku_no_other_product_has()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var first = await store.AddAsync(NewProduct(slug));

        var unknownCategory = NewProduct(NewSlug());
        var sameSku = NewProduct(slug) with { Sku = first.Sku };
        Assert.IsType<SaveProductOutcome.UnknownCategory>(await store.AddAsync(unknownCategory, default));
        Assert.IsType<SaveProductOutcome.SkuTaken>(await store.AddAsync(sameSku, default));

        Assert.Null(await store.FindAsync(unknownCategory.Id, default));
        Assert.Null(await store.FindAsync(sameSku.Id, default));
        Assert.Equal([first], (await store.ListByCategoryAsync(slug, Listing(ProductSort.Newest, 10), default)).Items);
    }

    [Fact]
    public async Task Racing_adds_of_one_sku_save_exactly_one_product()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var sku = "SKU-" + Guid.NewGuid().ToString("N");
        var contenders = Enumerable.Range(0, 8).Select(_ => NewProduct(slug) with { Sku = sku }).ToList();

        var outcomes = await Task.WhenAll(contenders.Select(p => Task.Run(() => store.AddAsync(p, default))));

        var saved = Assert.Single(outcomes.OfType<SaveProductOutcome.Saved>());
        Assert.Equal(7, outcomes.OfType<SaveProductOutcome.SkuTaken>().Count());
        Assert.Equal([saved.Product], (await store.ListByCategoryAsync(slug, Listing(ProductSort.Newest, 10), default)).Items);
    }

    [Fact]
    public async Task An_update_replaces_every_field_but_the_creation_time_and_the_stock_and_moves_the_product_between_listings()
    {
        var store = await Store();
        var (from, to) = (await store.NewCategoryAsync(), await store.NewCategoryAsync());
        var original = await store.AddAsync(NewProduct(from, price: 5m, name: "Before"));
        var changed = NewProduct(to, price: 7.5m, stock: 3, name: "After") with { Id = original.Id, CreatedAt = original.CreatedAt.AddDays(9) };

        var saved = Assert.IsType<SaveProductOutcome.Saved>(await store.UpdateAsync(changed, ProductVersion.Of(original), default)).Product;

        Assert.Equal(changed with { CreatedAt = original.CreatedAt, Stock = original.Stock }, saved);
        Assert.Equal(saved, await store.FindAsync(original.Id, default));
        foreach (var sort in Sorts.Select(s => s.Data))
        {
            Assert.Empty((await store.ListByCategoryAsync(from, Listing(sort, 10), default)).Items);
            Assert.Equal([saved], (await store.ListByCategoryAsync(to, Listing(sort, 10), default)).Items);
            Assert.Equal([saved], (await store.ListAllAsync(Listing(sort, 10, search: "after", min: 750, max: 750), default)).Items
                .Where(p => p.Id == saved.Id));
        }
        // The old SKU is free again; the new one is taken.
        await store.AddAsync(NewProduct(to) with { Sku = original.Sku });
        Assert.IsType<SaveProductOutcome.SkuTaken>(await store.AddAsync(NewProduct(to) with { Sku = changed.Sku }, default));
    }

    [Fact]
    public async Task An_update_is_refused_for_an_unknown_product_a_taken_sku_or_an_unknown_category()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var (product, other) = (await store.AddAsync(NewProduct(slug)), await store.AddAsync(NewProduct(slug)));

        var version = ProductVersion.Of(product);
        Assert.IsType<SaveProductOutcome.NotFound>(await store.UpdateAsync(NewProduct(slug), version, default));
        Assert.IsType<SaveProductOutcome.SkuTaken>(await store.UpdateAsync(product with { Sku = other.Sku, Name = "Taken" }, version, default));
        Assert.IsType<SaveProductOutcome.UnknownCategory>(await store.UpdateAsync(product with { Category = NewSlug(), Name = "Lost" }, version, default));

        Assert.Equal(product, await store.FindAsync(product.Id, default));
        Assert.IsType<SaveProductOutcome.Saved>(await store.UpdateAsync(product with { Name = "Same SKU again" }, version, default));
    }

    [Fact]
    public async Task An_update_based_on_an_older_version_is_refused_as_stale_and_changes_nothing()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var read = await store.AddAsync(NewProduct(slug, price: 5m));
        var first = Assert.IsType<SaveProductOutcome.Saved>(await store.UpdateAsync(read with { Price = 6m, UpdatedAt = read.UpdatedAt.AddSeconds(1) },
            ProductVersion.Of(read), default)).Product;

        var stale = Assert.IsType<SaveProductOutcome.Stale>(await store.UpdateAsync(read with { Name = "Lost edit", UpdatedAt = read.UpdatedAt.AddSeconds(2) },
            ProductVersion.Of(read), default));

        Assert.Equal(first, stale.Current);
        Assert.Equal(first, await store.FindAsync(read.Id, default));
        Assert.NotEqual(ProductVersion.Of(read), ProductVersion.Of(first));
    }

    [Fact]
    public async Task Racing_edits_of_one_version_save_exactly_one()
    {
        var store = await Store();
        var read = await store.AddAsync(NewProduct(await store.NewCategoryAsync()));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() =>
            store.UpdateAsync(read with { Name = "Edit " + i, UpdatedAt = read.UpdatedAt.AddSeconds(i) }, ProductVersion.Of(read), default))));

        var saved = Assert.Single(outcomes.OfType<SaveProductOutcome.Saved>()).Product;
        Assert.Equal(5, outcomes.OfType<SaveProductOutcome.Stale>().Count());
        Assert.Equal(saved, await store.FindAsync(read.Id, default));
    }

    [Fact]
    public async Task A_deleted_product_is_gone_from_lookups_and_listings_and_frees_its_sku()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var (deleted, kept) = (await store.AddAsync(NewProduct(slug)), await store.AddAsync(NewProduct(slug)));

        Assert.True(await store.DeleteAsync(deleted.Id, default));
        Assert.False(await store.DeleteAsync(deleted.Id, default));

        Assert.Null(await store.FindAsync(deleted.Id, default));
        Assert.Equal([kept], await store.FindManyAsync([deleted.Id, kept.Id], default));
        foreach (var sort in Sorts.Select(s => s.Data))
        {
            Assert.Equal([kept], (await store.ListByCategoryAsync(slug, Listing(sort, 10), default)).Items);
        }
        await store.AddAsync(NewProduct(slug) with { Sku = deleted.Sku });
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task A_category_pages_in_sort_order_with_every_product_exactly_once(ProductSort sort)
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var other = await store.NewCategoryAsync();
        // Equal prices and names, so that the order must break ties (by id) for the pages to meet exactly.
        decimal[] prices = [3m, 1m, 2m, 2m, 2m, 9.99m, 0.5m];
        var products = new List<Product>();
        for (var i = 0; i < prices.Length; i++) products.Add(await store.AddAsync(NewProduct(slug, prices[i], name: i % 3 == 0 ? "Same name" : $"Name {i}")));
        await store.AddAsync(NewProduct(other));

        var (listed, pages) = await AllPagesAsync(l => store.ListByCategoryAsync(slug, l, default), Listing(sort, 2));

        AssertListed(sort, products, listed);
        Assert.Equal(4, pages);
    }

    public static readonly TheoryData<ProductSort, string?, long?, long?, bool> Filters = new()
    {
        { ProductSort.Newest, "needle", null, null, false },
        { ProductSort.Name, "needle", null, null, true },
        { ProductSort.Price, null, 200, 500, false },
        { ProductSort.PriceDescending, null, 200, 500, false },
        { ProductSort.Price, "needle", 150, null, true },
        { ProductSort.PriceDescending, null, null, 300, true },
        { ProductSort.Newest, null, 200, 500, true },
        { ProductSort.Name, null, 301, 399, false },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_page_through_exactly_the_matching_products(ProductSort sort, string? search, long? min, long? max, bool inStock)
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var products = new List<Product>();
        for (var i = 0; i < 24; i++)
        {
            var name = (i % 3 == 0 ? "A NeedLe in " : "Hay ") + i;
            products.Add(await store.AddAsync(NewProduct(slug, price: 1m + i * 0.25m, stock: i % 4 == 0 ? 0 : i, name: name)));
        }
        var matching = products.Where(p => (search is null || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            && !(p.Price * 100 < min) && !(p.Price * 100 > max) && (!inStock || p.Stock > 0)).ToList();
        Assert.NotEmpty(matching);

        var (listed, _) = await AllPagesAsync(l => store.ListByCategoryAsync(slug, l, default), Listing(sort, 2, search, min, max, inStock));

        AssertListed(sort, matching, listed);
    }

    [Fact]
    public async Task A_rare_match_among_many_products_is_found_once_page_by_page()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        var token = Guid.NewGuid().ToString("N")[..10];
        // More rows than a store may read for one page: pages may come short, but the cursors must still meet.
        var products = Enumerable.Range(0, 2100).Select(i => NewProduct(slug, name: i is 5 or 2095 ? $"Rare {token} {i}" : $"Common {i}")).ToList();
        await store.AddManyAsync(products, default);

        var (listed, _) = await AllPagesAsync(l => store.ListAllAsync(l, default), Listing(ProductSort.Newest, 1, search: token));

        AssertListed(ProductSort.Newest, products.Where(p => p.Name.Contains(token)).ToList(), listed);
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task The_all_products_listing_holds_every_category(ProductSort sort)
    {
        var store = await Store();
        var token = Guid.NewGuid().ToString("N")[..10];
        var products = new List<Product>();
        foreach (var slug in new[] { await store.NewCategoryAsync(), await store.NewCategoryAsync() })
        {
            for (var i = 0; i < 3; i++) products.Add(await store.AddAsync(NewProduct(slug, price: 4m - i, name: $"All {token} {slug} {i}")));
        }

        var (listed, _) = await AllPagesAsync(l => store.ListAllAsync(l, default), Listing(sort, 4, search: token));

        AssertListed(sort, products, listed);
    }

    [Fact]
    public async Task A_cursor_continues_only_the_listing_that_issued_it()
    {
        var store = await Store();
        var slug = await store.NewCategoryAsync();
        for (var i = 0; i < 3; i++) await store.AddAsync(NewProduct(slug));
        var page = await store.ListByCategoryAsync(slug, Listing(ProductSort.Price, 1), default);
        Assert.NotNull(page.NextCursor);

        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListByCategoryAsync(slug, Listing(ProductSort.Name, 1) with { Cursor = page.NextCursor }, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAllAsync(Listing(ProductSort.Price, 1) with { Cursor = page.NextCursor }, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListByCategoryAsync(slug, Listing(ProductSort.Price, 1) with { Cursor = "bm90IG91cnM" }, default));
    }

    [Fact]
    public async Task A_bulk_load_is_listed_and_found_like_products_added_one_by_one()
    {
        var store = await Store();
        var slugs = new[] { await store.NewCategoryAsync(), await store.NewCategoryAsync() };
        var products = Enumerable.Range(0, 250).Select(i => NewProduct(slugs[i % 2], price: 1m + i % 17, stock: i % 5)).ToList();

        await store.AddManyAsync(products, default);

        var found = new List<Product>();
        foreach (var chunk in products.Chunk(100)) found.AddRange(await store.FindManyAsync(chunk.Select(p => p.Id).ToList(), default));
        Assert.Equal(products.OrderBy(p => p.Id), found.OrderBy(p => p.Id));
        foreach (var slug in slugs)
        {
            var (listed, _) = await AllPagesAsync(l => store.ListByCategoryAsync(slug, l, default), Listing(ProductSort.Price, 100));
            AssertListed(ProductSort.Price, products.Where(p => p.Category == slug).ToList(), listed);
        }
        Assert.IsType<SaveProductOutcome.SkuTaken>(await store.AddAsync(NewProduct(slugs[0]) with { Sku = products[3].Sku }, default));
    }

    /// <summary>Exactly <paramref name="expected"/>, each once, in the sort's order (ties in any order the store keeps).</summary>
    private static void AssertListed(ProductSort sort, IReadOnlyList<Product> expected, IReadOnlyList<Product> listed)
    {
        Assert.Equal(expected.OrderBy(p => p.Id), listed.OrderBy(p => p.Id));
        var ordered = sort switch
        {
            ProductSort.Price => listed.OrderBy(p => p.Price),
            ProductSort.PriceDescending => listed.OrderByDescending(p => p.Price),
            ProductSort.Name => listed.OrderBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal),
            _ => listed.OrderByDescending(p => p.CreatedAt),
        };
        Assert.Equal(ordered.Select(p => Key(sort, p)), listed.Select(p => Key(sort, p)));
    }

    private static object Key(ProductSort sort, Product product) => sort switch
    {
        ProductSort.Price or ProductSort.PriceDescending => product.Price,
        ProductSort.Name => product.Name.ToLowerInvariant(),
        _ => product.CreatedAt,
    };
}
