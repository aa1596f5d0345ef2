using System.Net;
using System.Net.Http.Json;
using System.Text;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

public class ProductsApiTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();

    [Fact]
    public async Task An_admin_creates_a_product_that_anyone_can_read()
    {
        using var metrics = new MetricsRecorder(factory.Services, CatalogMetrics.MeterName);
        var category = await _admin.CreateCategoryAsync();
        var body = CatalogHttp.NewProduct(category.Slug, price: 24.50m, stock: 7, name: "Kettle");

        var response = await _admin.PostAsJsonAsync("/api/catalog/products", body);

        var created = await response.ShouldBe<ProductDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/catalog/products/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(((string)body["sku"]!, "Kettle", "A product for tests.", category.Slug, 24.50m, "EUR", 7, "https://images.example.test/p.jpg"),
            (created.Sku, created.Name, created.Description, created.Category, created.Price, created.Currency, created.Stock, created.ImageUrl));
        Assert.Equal(created.CreatedAt, created.UpdatedAt);
        Assert.InRange(created.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(created, await factory.CreateClient().GetProductAsync(created.Id));
        Assert.Equal(1, metrics.Sum("productstore.products.created"));
    }

    [Fact]
    public async Task An_update_replaces_the_fields_and_keeps_the_creation_time_and_the_stock()
    {
        var category = await _admin.CreateCategoryAsync();
        var other = await _admin.CreateCategoryAsync();
        var product = await _admin.CreateProductAsync(category.Slug, price: 5m, stock: 3);
        var body = CatalogHttp.NewEdit(other.Slug, price: 6.25m, name: "Renamed");
        body["sku"] = product.Sku; // keeping its own SKU is no conflict
        body["imageUrl"] = "";
        body["currency"] = "USD";
        await Task.Delay(5);

        var updated = await (await _admin.EditProductAsync(product.Id, body)).ShouldBe<ProductDto>(HttpStatusCode.OK);

        Assert.Equal(product with { Name = "Renamed", Category = other.Slug, Price = 6.25m, Currency = "USD", Stock = 3, ImageUrl = "", UpdatedAt = updated.UpdatedAt }, updated);
        Assert.True(updated.UpdatedAt > product.UpdatedAt);
        Assert.Equal(updated, await factory.CreateClient().GetProductAsync(product.Id));
    }

    [Fact]
    public async Task A_deleted_product_is_gone()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/catalog/products/{product.Id}")).StatusCode);

        await (await factory.CreateClient().GetAsync($"/api/catalog/products/{product.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await _admin.DeleteAsync($"/api/catalog/products/{product.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_product_ids_are_404s()
    {
        var category = await _admin.CreateCategoryAsync();
        var unknown = Guid.CreateVersion7();
        await (await factory.CreateClient().GetAsync($"/api/catalog/products/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await _admin.PutProductAsync(unknown, CatalogHttp.NewEdit(category.Slug), "\"any\"")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await _admin.DeleteAsync($"/api/catalog/products/{unknown}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_duplicate_sku_is_a_409_on_create_and_update()
    {
        var category = await _admin.CreateCategoryAsync();
        var first = await _admin.CreateProductAsync(category.Slug);
        var second = await _admin.CreateProductAsync(category.Slug);
        var copy = CatalogHttp.NewProduct(category.Slug);
        copy["sku"] = first.Sku;
        var edit = CatalogHttp.NewEdit(category.Slug);
        edit["sku"] = first.Sku;

        await (await _admin.PostAsJsonAsync("/api/catalog/products", copy)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _admin.EditProductAsync(second.Id, edit)).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal(second, await _admin.GetProductAsync(second.Id));
    }

    [Fact]
    public async Task An_unknown_category_is_a_validation_error_on_category()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug);
        var body = CatalogHttp.NewProduct("no-such-category");

        await (await _admin.PostAsJsonAsync("/api/catalog/products", body)).ShouldBeValidationProblem("category");
        await (await _admin.EditProductAsync(product.Id, CatalogHttp.NewEdit("no-such-category"))).ShouldBeValidationProblem("category");
        Assert.Equal(product, await _admin.GetProductAsync(product.Id));
    }

    [Theory]
    [InlineData("price", 1.999)]
    [InlineData("price", -0.01)]
    [InlineData("price", null)]
    [InlineData("stock", -1)]
    [InlineData("stock", null)]
    [InlineData("currency", "eur")]
    [InlineData("currency", "EURO")]
    [InlineData("imageUrl", "/relative.png")]
    [InlineData("imageUrl", "ftp://images.example.test/p.jpg")]
    [InlineData("name", "")]
    [InlineData("sku", "has space")]
    [InlineData("sku", null)]
    public async Task Invalid_fields_are_validation_problems_naming_the_field(string field, object? value)
    {
        var category = await _admin.CreateCategoryAsync();
        var product = await _admin.CreateProductAsync(category.Slug);
        var body = CatalogHttp.NewProduct(category.Slug);
        body[field] = value;

        var edit = CatalogHttp.NewEdit(category.Slug);
        edit[field] = value;

        await (await _admin.PostAsJsonAsync("/api/catalog/products", body)).ShouldBeValidationProblem(field);
        // An edit takes no stock at all: any value there is refused, a null one is as if absent.
        if (field != "stock" || value is not null) await (await _admin.EditProductAsync(product.Id, edit)).ShouldBeValidationProblem(field);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var content = new StringContent("""{"sku": "X", "price": "cheap"}""", Encoding.UTF8, "application/json");
        await (await _admin.PostAsync("/api/catalog/products", content)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Lookup_returns_the_products_that_exist_in_one_call()
    {
        var category = await _admin.CreateCategoryAsync();
        var a = await _admin.CreateProductAsync(category.Slug);
        var b = await _admin.CreateProductAsync(category.Slug);
        var ids = $"{a.Id},{Guid.CreateVersion7()},{b.Id},{a.Id}";

        var found = await (await factory.CreateClient().GetAsync($"/api/catalog/products/lookup?ids={ids}")).ShouldBe<List<ProductDto>>(HttpStatusCode.OK);

        Assert.Equal(new[] { a, b }.OrderBy(p => p.Id), found.OrderBy(p => p.Id));
    }

    [Fact]
    public async Task Lookup_takes_one_to_a_hundred_guids()
    {
        var client = factory.CreateClient();
        var hundred = string.Join(',', Enumerable.Range(0, 100).Select(_ => Guid.CreateVersion7()));
        Assert.Empty(await (await client.GetAsync($"/api/catalog/products/lookup?ids={hundred}")).ShouldBe<List<ProductDto>>(HttpStatusCode.OK));

        await (await client.GetAsync($"/api/catalog/products/lookup?ids={hundred},{Guid.CreateVersion7()}")).ShouldBeValidationProblem("ids");
        await (await client.GetAsync("/api/catalog/products/lookup?ids=")).ShouldBeValidationProblem("ids");
        await (await client.GetAsync("/api/catalog/products/lookup")).ShouldBeValidationProblem("ids");
        await (await client.GetAsync($"/api/catalog/products/lookup?ids={Guid.CreateVersion7()},nope")).ShouldBeValidationProblem("ids");
    }

    [Fact]
    public async Task Product_writes_need_an_admin()
    {
        var category = await _admin.CreateCategoryAsync();
        var product = await _admin.CreateProductAsync(category.Slug);
        foreach (var (client, status) in new[] { (factory.CreateClient(), HttpStatusCode.Unauthorized), (factory.CreateCustomerClient(), HttpStatusCode.Forbidden), (factory.CreateServiceClient(), HttpStatusCode.Forbidden) })
        {
            await (await client.PostAsJsonAsync("/api/catalog/products", CatalogHttp.NewProduct(category.Slug))).ShouldBeProblem(status);
            await (await client.PutProductAsync(product.Id, CatalogHttp.NewEdit(category.Slug), "\"any\"")).ShouldBeProblem(status);
            await (await client.DeleteAsync($"/api/catalog/products/{product.Id}")).ShouldBeProblem(status);
        }
        Assert.Equal(product, await factory.CreateClient().GetProductAsync(product.Id));
    }
}
