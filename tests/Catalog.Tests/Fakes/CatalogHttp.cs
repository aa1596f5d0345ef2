using System.Net;
using System.Net.Http.Json;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests.Fakes;

/// <summary>The Catalog API as its clients call it, with the contract's JSON shapes.</summary>
public static class CatalogHttp
{
    public static async Task<CategoryDto> CreateCategoryAsync(this HttpClient admin, string? slug = null, string name = "Test category") =>
        await (await admin.PostAsJsonAsync("/api/catalog/categories", new { slug = slug ?? NewSlug(), name })).ShouldBe<CategoryDto>(HttpStatusCode.Created);

    public static async Task<ProductDto> CreateProductAsync(this HttpClient admin, string category, decimal price = 9.99m, int stock = 10, string? name = null) =>
        await (await admin.PostAsJsonAsync("/api/catalog/products", NewProduct(category, price, stock, name))).ShouldBe<ProductDto>(HttpStatusCode.Created);

    public static async Task<ProductDto> GetProductAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/catalog/products/{id}")).ShouldBe<ProductDto>(HttpStatusCode.OK);

    /// <summary>A product with the ETag its GET carried.</summary>
    public static async Task<(ProductDto Product, string ETag)> GetWithETagAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/catalog/products/{id}");
        var product = await response.ShouldBe<ProductDto>(HttpStatusCode.OK);
        return (product, response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("GET of a product sent no ETag"));
    }

    /// <summary>PUT of a product's fields, with <paramref name="ifMatch"/> in If-Match when given.</summary>
    public static Task<HttpResponseMessage> PutProductAsync(this HttpClient admin, Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/catalog/products/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return admin.SendAsync(request);
    }

    /// <summary>Reads the product and PUTs <paramref name="body"/> against the version read, as an admin UI does.</summary>
    public static async Task<HttpResponseMessage> EditProductAsync(this HttpClient admin, Guid id, object body) =>
        await admin.PutProductAsync(id, body, (await admin.GetWithETagAsync(id)).ETag);

    public static Task<HttpResponseMessage> AdjustStockAsync(this HttpClient admin, Guid id, int? change) =>
        admin.PostAsJsonAsync($"/api/catalog/products/{id}/stock-adjustments", new { change });

    /// <summary>Every page of a listing, following nextCursor to the end; also returns how many pages it took.</summary>
    public static async Task<(List<ProductDto> Items, int Pages)> ListAllPagesAsync(this HttpClient client, string query)
    {
        var items = new List<ProductDto>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/catalog/products?{query}" + (cursor is null ? "" : "&cursor=" + cursor)))
                .ShouldBe<ProductPageDto>(HttpStatusCode.OK);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null && pages < 1000);
        return (items, pages);
    }

    public static Dictionary<string, object?> NewProduct(string category, decimal price = 9.99m, int stock = 10, string? name = null) => new()
    {
        ["sku"] = "SKU-" + Guid.NewGuid().ToString("N"),
        ["name"] = name ?? "Product " + Guid.NewGuid().ToString("N")[..6],
        ["description"] = "A product for tests.",
        ["category"] = category,
        ["price"] = price,
        ["currency"] = "EUR",
        ["stock"] = stock,
        ["imageUrl"] = "https://images.example.test/p.jpg",
    };

    /// <summary>The body of an edit: every field but the stock, which an edit never sets.</summary>
    public static Dictionary<string, object?> NewEdit(string category, decimal price = 9.99m, string? name = null)
    {
        var body = NewProduct(category, price, name: name);
        body.Remove("stock");
        return body;
    }

    public static string NewSlug() => "c-" + Guid.NewGuid().ToString("N")[..12];
}

public sealed record CategoryDto(Guid Id, string Slug, string Name);

public sealed record ProductDto(Guid Id, string Sku, string Name, string Description, string Category, decimal Price, string Currency, int Stock,
    string ImageUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ProductPageDto(List<ProductDto> Items, string? NextCursor);

public sealed record ReservationDto(Guid OrderId, List<ReservedItemDto> Items, DateTimeOffset CreatedAt, bool Released);

public sealed record ReservedItemDto(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency);
