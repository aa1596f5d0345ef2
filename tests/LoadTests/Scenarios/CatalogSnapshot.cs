using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>The products a run works with, discovered through the public catalog in setup: the runner assumes no demo data.</summary>
public sealed class CatalogSnapshot
{
    private const int PageSize = 100;

    public IReadOnlyList<ProductDto> Products { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];

    /// <summary>The products that had stock when the run started: what a shopper puts in a cart.</summary>
    public IReadOnlyList<ProductDto> InStock { get; private set; } = [];

    public ProductDto RandomProduct() => Products[Random.Shared.Next(Products.Count)];

    /// <summary>Up to <paramref name="count"/> different in-stock products, drawn without sorting the whole list.</summary>
    public IReadOnlyList<ProductDto> RandomInStock(int count)
    {
        var picked = new List<ProductDto>(count);
        while (picked.Count < Math.Min(count, InStock.Count))
        {
            var product = InStock[Random.Shared.Next(InStock.Count)];
            if (!picked.Contains(product)) picked.Add(product);
        }
        return picked;
    }

    public async Task LoadAsync(HttpClient http, int maxPages, CancellationToken cancellationToken)
    {
        var products = new List<ProductDto>();
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var query = $"/api/catalog/products?limit={PageSize}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var response = await StoreHttp.SendAsync(http, StoreHttp.Get(query), StoreJsonContext.Default.ProductPage, cancellationToken);
            if (response.IsError || response.Payload is not { } found)
                throw new InvalidOperationException($"Setup could not list products: {response.Message}");
            products.AddRange(found.Items);
            if ((cursor = found.NextCursor) is null) break;
        }
        if (products.Count == 0)
            throw new InvalidOperationException("The catalog has no products: create some (or start the AppHost with demo data) before a load run.");
        Products = products;
        InStock = products.Where(p => p.Stock > 0).ToList();
        Categories = products.Select(p => p.Category).Distinct().ToList();
    }
}
