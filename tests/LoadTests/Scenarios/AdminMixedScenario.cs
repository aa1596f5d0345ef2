using System.Collections.Concurrent;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>
/// Browsing mixed with an admin's writes: a share of iterations change a product's price (±5% of its setup price) and restock it
/// through PUT /api/catalog/products/{id}; the rest browse. Clean puts the setup prices back (keeping the stock as it is by then).
/// </summary>
internal static class AdminMixedScenario
{
    public static ScenarioProps Create(string name, HttpClient http, LoadOptions options)
    {
        var catalog = new CatalogSnapshot();
        var admin = new UserSession(
            options.AdminEmail ?? throw new InvalidOperationException($"{name} needs --admin-email (or PRODUCTSTORE_ADMIN_EMAIL)."),
            options.AdminPassword ?? throw new InvalidOperationException($"{name} needs --admin-password (or PRODUCTSTORE_ADMIN_PASSWORD)."));
        var touched = new ConcurrentDictionary<Guid, ProductDto>();
        return options.Shape(Scenario.Create(name, ctx => Random.Shared.Next(100) < options.WritePercent
                ? WriteAsync(http, catalog, admin, touched, ctx)
                : BrowseScenario.IterateAsync(http, catalog, ctx))
            .WithInit(async cancellationToken =>
            {
                if (await admin.LoginAsync(http, cancellationToken) is { IsError: true } login)
                    throw new InvalidOperationException($"The admin could not log in: {login.Message}");
                await catalog.LoadAsync(http, options.DiscoveryPages, cancellationToken);
            })
            .WithClean(cancellationToken => RestorePricesAsync(http, admin, touched.Values, cancellationToken)));
    }

    private static async Task<Response> WriteAsync(HttpClient http, CatalogSnapshot catalog, UserSession admin, ConcurrentDictionary<Guid, ProductDto> touched, ScenarioContext ctx)
    {
        if (admin.NeedsLogin && await Step.Run("admin-login", ctx, () => admin.LoginAsync(http, ctx.CancellationToken)) is { IsError: true } login)
            return login;
        var original = catalog.RandomProduct();
        touched.TryAdd(original.Id, original);
        var price = Math.Round(original.Price * (0.95m + Random.Shared.Next(11) / 100m), 2);
        var stock = original.Stock + Random.Shared.Next(0, 21);
        return await Step.Run("update-product", ctx, async () => (Response)await StoreHttp.SendAsync(http,
            StoreHttp.Json(HttpMethod.Put, $"/api/catalog/products/{original.Id}", Edit(original, price, stock), StoreJsonContext.Default.ProductRequest, admin.AccessToken),
            StoreJsonContext.Default.ProductDto, ctx.CancellationToken));
    }

    private static async Task RestorePricesAsync(HttpClient http, UserSession admin, IEnumerable<ProductDto> originals, CancellationToken cancellationToken)
    {
        await admin.LoginAsync(http, cancellationToken);
        foreach (var original in originals)
        {
            var current = await StoreHttp.SendAsync(http, StoreHttp.Get($"/api/catalog/products/{original.Id}"), StoreJsonContext.Default.ProductDto, cancellationToken);
            if (current.Payload is not { } now) continue;
            await StoreHttp.SendAsync<object>(http, StoreHttp.Json(HttpMethod.Put, $"/api/catalog/products/{original.Id}",
                Edit(now, original.Price, now.Stock), StoreJsonContext.Default.ProductRequest, admin.AccessToken), null, cancellationToken);
        }
    }

    private static ProductRequest Edit(ProductDto product, decimal price, int stock) =>
        new(product.Sku, product.Name, product.Description, product.Category, price, product.Currency, stock, product.ImageUrl);
}
