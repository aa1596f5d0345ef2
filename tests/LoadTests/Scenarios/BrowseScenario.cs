using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>An anonymous visitor: a product list (sometimes one category, in some order), maybe the next page, then a product page.</summary>
internal static class BrowseScenario
{
    private static readonly string[] Sorts = ["price", "-price", "name", "newest"];

    public static ScenarioProps Create(string name, HttpClient http, LoadOptions options)
    {
        var catalog = new CatalogSnapshot();
        return options.Shape(Scenario.Create(name, ctx => IterateAsync(http, catalog, ctx))
            .WithInit(cancellationToken => catalog.LoadAsync(http, options.DiscoveryPages, cancellationToken)));
    }

    public static async Task<Response> IterateAsync(HttpClient http, CatalogSnapshot catalog, ScenarioContext ctx)
    {
        var category = Random.Shared.Next(2) == 0 ? $"&category={Uri.EscapeDataString(catalog.Categories[Random.Shared.Next(catalog.Categories.Count)])}" : "";
        var query = $"/api/catalog/products?limit=20&sort={Sorts[Random.Shared.Next(Sorts.Length)]}{category}";
        var page = await Step.Run("list", ctx, () => ListAsync(http, query, ctx.CancellationToken));
        if (page.IsError) return page;

        if (page.Payload?.NextCursor is { } cursor && Random.Shared.Next(2) == 0)
        {
            page = await Step.Run("next-page", ctx, () => ListAsync(http, $"{query}&cursor={Uri.EscapeDataString(cursor)}", ctx.CancellationToken));
            if (page.IsError) return page;
        }

        var items = page.Payload?.Items ?? [];
        var productId = items.Count > 0 ? items[Random.Shared.Next(items.Count)].Id : catalog.RandomProduct().Id;
        return await Step.Run("product", ctx, () => StoreHttp.SendAsync(http,
            StoreHttp.Get($"/api/catalog/products/{productId}"), StoreJsonContext.Default.ProductDto, ctx.CancellationToken));
    }

    private static Task<Response<ProductPage>> ListAsync(HttpClient http, string query, CancellationToken cancellationToken) =>
        StoreHttp.SendAsync(http, StoreHttp.Get(query), StoreJsonContext.Default.ProductPage, cancellationToken);
}
