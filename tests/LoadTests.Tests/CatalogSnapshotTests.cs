using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.LoadTests.Scenarios;
using ProductStore.TestSupport;

namespace ProductStore.LoadTests.Tests;

public sealed class CatalogSnapshotTests
{
    private static ProductDto Product(string sku, int stock) =>
        new(Guid.NewGuid(), sku, sku, null, "books", 10m, "EUR", stock, null);

    [Fact]
    public async Task Shoppers_draw_different_products_and_only_those_in_stock()
    {
        ProductDto[] products = [Product("empty-1", 0), Product("one", 1), Product("empty-2", 0), Product("many", 40), Product("some", 3)];
        await using var server = await StubServer.StartAsync(app =>
            app.MapGet("/api/catalog/products", () => Results.Ok(new ProductPage(products, null))));
        using var http = StoreHttp.CreateClient(server.Address);
        var catalog = new CatalogSnapshot();

        await catalog.LoadAsync(http, maxPages: 10, CancellationToken.None);

        Assert.Equal(5, catalog.Products.Count);
        Assert.Equal(["one", "many", "some"], catalog.InStock.Select(p => p.Sku));
        for (var draw = 0; draw < 200; draw++)
        {
            var picked = catalog.RandomInStock(2);
            Assert.Equal(2, picked.Count);
            Assert.Equal(2, picked.Select(p => p.Id).Distinct().Count());
            Assert.All(picked, p => Assert.True(p.Stock > 0, $"{p.Sku} has no stock"));
        }
        Assert.Equal(3, catalog.RandomInStock(4).Count);
        Assert.Equal(3, Enumerable.Range(0, 200).SelectMany(_ => catalog.RandomInStock(1)).Select(p => p.Sku).Distinct().Count());
    }
}
