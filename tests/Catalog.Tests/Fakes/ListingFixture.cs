using Microsoft.Extensions.DependencyInjection;
using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;

namespace ProductStore.Catalog.Tests.Fakes;

/// <summary>
/// A catalog of known products, read-only for the tests that share it: few distinct prices, names and creation times,
/// so every sort has ties that only the id breaks, and names with LIKE's wildcards in them.
/// </summary>
public sealed class ListingFixture : IAsyncLifetime
{
    private static readonly string[] Names = ["apple", "Apple pie", "PINEAPPLE", "banana", "Banana", "50% off", "5000 off", "under_score", "underscore", "Zucchini"];
    private static readonly decimal[] Prices = [0m, 1.5m, 1.5m, 9.99m, 10m, 10.01m, 250m];

    public CatalogFactory Factory { get; } = new();
    public List<Product> Products { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var store = Factory.Services.GetRequiredService<ICatalogStore>();
        foreach (var slug in new[] { "alpha", "beta", "empty" }) await store.TryAddCategoryAsync(new Category(Guid.CreateVersion7(), slug, slug), default);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000);
        for (var i = 0; i < 61; i++)
        {
            var created = start.AddMinutes(i % 9);
            Products.Add(new Product(Guid.CreateVersion7(), $"LIST-{i}", Names[i % Names.Length], "", i % 3 == 0 ? "beta" : "alpha",
                Prices[i % Prices.Length], "EUR", i % 4 == 0 ? 0 : i, "", created, created));
        }
        await store.AddManyAsync(Products, default);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
