using System.Collections.Concurrent;
using System.Text.Json;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>
/// Browsing mixed with an admin's writes, as the Catalog's edit rules require: a share of iterations read a product with its
/// ETag, change its price (±5% of its setup price) by PUT with If-Match, and restock it by a signed stock adjustment; the rest
/// browse. A 412 (another write came between the read and the PUT) is an expected answer. Clean puts the setup prices back.
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
        var read = await Step.Run("read-product", ctx, () => ReadAsync(http, original.Id, ctx.CancellationToken));
        if (read is not { IsError: false, Payload: { } current }) return read;
        var price = Math.Round(original.Price * (0.95m + Random.Shared.Next(11) / 100m), 2);
        var edited = await Step.Run("update-product", ctx, async () => (Response)await StoreHttp.SendAsync<object>(http,
            Put(original.Id, Edit(current.Product, price), current.ETag, admin.AccessToken), null, ctx.CancellationToken, 412));
        if (edited.IsError) return edited;
        var restock = Random.Shared.Next(1, 21);
        return await Step.Run("restock", ctx, async () => (Response)await StoreHttp.SendAsync<object>(http,
            StoreHttp.Json(HttpMethod.Post, $"/api/catalog/products/{original.Id}/stock-adjustments", new StockAdjustmentRequest(restock),
                StoreJsonContext.Default.StockAdjustmentRequest, admin.AccessToken), null, ctx.CancellationToken));
    }

    private static async Task RestorePricesAsync(HttpClient http, UserSession admin, IEnumerable<ProductDto> originals, CancellationToken cancellationToken)
    {
        await admin.LoginAsync(http, cancellationToken);
        foreach (var original in originals)
        {
            // Against the version just read; a 412 means someone else edited it since, and theirs stands.
            if (await ReadAsync(http, original.Id, cancellationToken) is not { IsError: false, Payload: { } current }) continue;
            await StoreHttp.SendAsync<object>(http, Put(original.Id, Edit(current.Product, original.Price), current.ETag, admin.AccessToken), null, cancellationToken, 412);
        }
    }

    /// <summary>A product with the ETag its GET carried, what an edit must send back in If-Match.</summary>
    private static async Task<Response<EditableProduct>> ReadAsync(HttpClient http, Guid id, CancellationToken cancellationToken)
    {
        using var request = StoreHttp.Get($"/api/catalog/products/{id}");
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return Response.Fail<EditableProduct>((int)response.StatusCode, $"GET /api/catalog/products/{{id}}: {(int)response.StatusCode}", body.Length);
        if (response.Headers.ETag is not { } etag) return Response.Fail<EditableProduct>((int)response.StatusCode, "GET /api/catalog/products/{id}: no ETag", body.Length);
        return Response.Ok(new EditableProduct(JsonSerializer.Deserialize(body, StoreJsonContext.Default.ProductDto)!, etag.ToString()), (int)response.StatusCode, body.Length);
    }

    private static HttpRequestMessage Put(Guid id, ProductEditRequest edit, string etag, string? accessToken)
    {
        var request = StoreHttp.Json(HttpMethod.Put, $"/api/catalog/products/{id}", edit, StoreJsonContext.Default.ProductEditRequest, accessToken);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static ProductEditRequest Edit(ProductDto product, decimal price) =>
        new(product.Sku, product.Name, product.Description, product.Category, price, product.Currency, product.ImageUrl);

    private sealed record EditableProduct(ProductDto Product, string ETag);
}
