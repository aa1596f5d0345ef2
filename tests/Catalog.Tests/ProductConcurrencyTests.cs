using System.Net;
using System.Net.Http.Json;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

/// <summary>Admin edits against sales: ETag and If-Match on the fields, stock only by signed adjustments.</summary>
public class ProductConcurrencyTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private readonly HttpClient _orders = factory.CreateServiceClient();

    [Fact]
    public async Task A_product_read_carries_an_etag_that_an_edit_changes_and_a_sale_does_not()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug, stock: 10);
        var (_, etag) = await _admin.GetWithETagAsync(product.Id);

        await Reserve(product.Id, 3);
        Assert.Equal(etag, (await _admin.GetWithETagAsync(product.Id)).ETag);

        var edit = CatalogHttp.NewEdit(product.Category, price: 1.5m);
        var response = await _admin.PutProductAsync(product.Id, edit, etag);
        await response.ShouldBe<ProductDto>(HttpStatusCode.OK);
        var (after, newEtag) = await _admin.GetWithETagAsync(product.Id);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(newEtag, response.Headers.ETag?.ToString());
        Assert.Equal((1.5m, 7), (after.Price, after.Stock));
    }

    [Fact]
    public async Task An_edit_needs_if_match_and_one_based_on_an_older_read_is_a_412()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug, price: 5m);
        var (_, etag) = await _admin.GetWithETagAsync(product.Id);

        await (await _admin.PutProductAsync(product.Id, CatalogHttp.NewEdit(product.Category, price: 6m), null)).ShouldBeProblem(HttpStatusCode.PreconditionRequired);
        await (await _admin.PutProductAsync(product.Id, CatalogHttp.NewEdit(product.Category, price: 6m), "*")).ShouldBeProblem(HttpStatusCode.PreconditionRequired);
        await (await _admin.PutProductAsync(product.Id, CatalogHttp.NewEdit(product.Category, price: 6m), "W/" + etag)).ShouldBeProblem(HttpStatusCode.PreconditionFailed);
        await (await _admin.PutProductAsync(product.Id, CatalogHttp.NewEdit(product.Category, price: 7m), etag)).ShouldBe<ProductDto>(HttpStatusCode.OK);

        var stale = await _admin.PutProductAsync(product.Id, CatalogHttp.NewEdit(product.Category, price: 8m), etag);

        await stale.ShouldBeProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal((await _admin.GetWithETagAsync(product.Id)).ETag, stale.Headers.ETag?.ToString());
        Assert.Equal(7m, (await _admin.GetProductAsync(product.Id)).Price);
    }

    [Fact]
    public async Task An_edit_that_names_a_stock_is_refused()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug, stock: 4);
        var body = CatalogHttp.NewEdit(product.Category);
        body["stock"] = 100;

        await (await _admin.EditProductAsync(product.Id, body)).ShouldBeValidationProblem("stock");
        Assert.Equal(4, (await _admin.GetProductAsync(product.Id)).Stock);
    }

    [Fact]
    public async Task Stock_changes_by_signed_adjustments_never_below_zero()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug, stock: 4);

        var added = await (await _admin.AdjustStockAsync(product.Id, 6)).ShouldBe<StockLevelDto>(HttpStatusCode.OK);
        Assert.Equal(new StockLevelDto(product.Id, 10), added);
        await (await _admin.AdjustStockAsync(product.Id, -11)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await _admin.AdjustStockAsync(product.Id, 0)).ShouldBeValidationProblem("change");
        await (await _admin.AdjustStockAsync(product.Id, null)).ShouldBeValidationProblem("change");
        await (await _admin.AdjustStockAsync(Guid.NewGuid(), 1)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await factory.CreateCustomerClient().AdjustStockAsync(product.Id, 1)).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Equal(10, (await _admin.GetProductAsync(product.Id)).Stock);
    }

    [Fact]
    public async Task Concurrent_sales_price_edits_and_adjustments_leave_stock_exactly_initial_minus_sold_plus_adjusted()
    {
        var product = await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug, price: 10m, stock: 100);
        var adjusted = 0;

        var sales = Enumerable.Range(0, 40).Select(_ => Task.Run(async () => (await Reserve(product.Id, 1)).StatusCode == HttpStatusCode.OK ? 1 : 0));
        var edits = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            // An admin UI: read, reprice, save; read again when someone saved first.
            while (true)
            {
                var (read, etag) = await _admin.GetWithETagAsync(product.Id);
                var response = await _admin.PutProductAsync(product.Id, CatalogHttp.NewEdit(read.Category, price: read.Price + 1), etag);
                if (response.StatusCode == HttpStatusCode.OK) return;
                Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            }
        }));
        var adjustments = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            var change = i % 2 == 0 ? 4 : -1;
            await (await _admin.AdjustStockAsync(product.Id, change)).ShouldBe<StockLevelDto>(HttpStatusCode.OK);
            Interlocked.Add(ref adjusted, change);
        }));
        var sold = (await Task.WhenAll(sales)).Sum();
        await Task.WhenAll(edits);
        await Task.WhenAll(adjustments);

        var final = await _admin.GetProductAsync(product.Id);
        Assert.Equal(40, sold);
        Assert.Equal(100 - sold + adjusted, final.Stock);
        Assert.Equal(30m, final.Price);
    }

    private Task<HttpResponseMessage> Reserve(Guid productId, int quantity) =>
        _orders.PostAsJsonAsync("/internal/stock/reservations", new { orderId = Guid.CreateVersion7(), items = new[] { new { productId, quantity } } });
}

public sealed record StockLevelDto(Guid ProductId, int Stock);
