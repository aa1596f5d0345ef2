using System.Net;
using System.Net.Http.Json;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

public class StockReservationApiTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private const string Reservations = "/internal/stock/reservations";
    private readonly HttpClient _admin = factory.CreateAdminClient();
    private readonly HttpClient _service = factory.CreateServiceClient();

    private async Task<ProductDto> Product(int stock, decimal price = 9.99m) =>
        await _admin.CreateProductAsync((await _admin.CreateCategoryAsync()).Slug, price, stock);

    private Task<HttpResponseMessage> Reserve(Guid orderId, params (Guid ProductId, int Quantity)[] items) =>
        _service.PostAsJsonAsync(Reservations, new { orderId, items = items.Select(i => new { productId = i.ProductId, quantity = i.Quantity }) });

    private async Task<int> StockOf(Guid productId) => (await _admin.GetProductAsync(productId)).Stock;

    [Fact]
    public async Task A_reservation_takes_the_stock_and_records_the_prices()
    {
        var kettle = await Product(stock: 10, price: 24.50m);
        var mug = await Product(stock: 3, price: 3.99m);
        var orderId = Guid.CreateVersion7();

        var reservation = await (await Reserve(orderId, (kettle.Id, 2), (mug.Id, 3))).ShouldBe<ReservationDto>(HttpStatusCode.OK);

        Assert.Equal(orderId, reservation.OrderId);
        Assert.False(reservation.Released);
        Assert.InRange(reservation.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(new[] { new ReservedItemDto(kettle.Id, kettle.Sku, kettle.Name, 2, 24.50m, "EUR"), new ReservedItemDto(mug.Id, mug.Sku, mug.Name, 3, 3.99m, "EUR") }
            .OrderBy(i => i.ProductId), reservation.Items.OrderBy(i => i.ProductId));
        Assert.Equal((8, 0), (await StockOf(kettle.Id), await StockOf(mug.Id)));
    }

    [Fact]
    public async Task Short_stock_on_any_item_reserves_nothing_and_names_the_short_items()
    {
        using var metrics = new MetricsRecorder(factory.Services, CatalogMetrics.MeterName);
        var plenty = await Product(stock: 10);
        var scarce = await Product(stock: 2);
        var unknown = Guid.CreateVersion7();

        var problem = await (await Reserve(Guid.CreateVersion7(), (plenty.Id, 5), (scarce.Id, 3), (unknown, 1))).ShouldBeProblem(HttpStatusCode.Conflict);

        var shortItems = problem.GetProperty("shortItems").EnumerateArray()
            .Select(i => (i.GetProperty("productId").GetGuid(), i.GetProperty("requested").GetInt32(), i.GetProperty("available").GetInt32())).ToList();
        Assert.Equal([(scarce.Id, 3, 2), (unknown, 1, 0)], shortItems);
        Assert.Equal((10, 2), (await StockOf(plenty.Id), await StockOf(scarce.Id)));
        Assert.Equal((0, 1, 1), (metrics.Sum("productstore.stock.reservations", ("outcome", "reserved")), metrics.Sum("productstore.stock.reservations", ("outcome", "refused")),
            metrics.Sum("productstore.stock.reservations_refused")));
    }

    [Fact]
    public async Task The_same_order_id_again_returns_the_stored_reservation_without_taking_more()
    {
        using var metrics = new MetricsRecorder(factory.Services, CatalogMetrics.MeterName);
        var product = await Product(stock: 10);
        var orderId = Guid.CreateVersion7();
        var first = await (await Reserve(orderId, (product.Id, 4))).ShouldBe<ReservationDto>(HttpStatusCode.OK);
        var repriced = CatalogHttp.NewEdit(product.Category, price: 1m);
        repriced["sku"] = product.Sku;
        await (await _admin.EditProductAsync(product.Id, repriced)).ShouldBe<ProductDto>(HttpStatusCode.OK);

        var again = await (await Reserve(orderId, (product.Id, 4))).ShouldBe<ReservationDto>(HttpStatusCode.OK);

        Assert.Equal(first.Items, again.Items); // the price it was reserved at, not today's
        Assert.Equal((first.OrderId, first.CreatedAt, first.Released), (again.OrderId, again.CreatedAt, again.Released));
        Assert.Equal(6, await StockOf(product.Id));
        Assert.Equal(1, metrics.Sum("productstore.stock.reservations", ("outcome", "reserved")));
    }

    [Fact]
    public async Task The_same_order_id_with_other_items_is_a_409_without_short_items()
    {
        var product = await Product(stock: 10);
        var orderId = Guid.CreateVersion7();
        await (await Reserve(orderId, (product.Id, 1))).ShouldBe<ReservationDto>(HttpStatusCode.OK);

        var problem = await (await Reserve(orderId, (product.Id, 2))).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.False(problem.TryGetProperty("shortItems", out _));
        Assert.Equal(9, await StockOf(product.Id));
    }

    [Fact]
    public async Task A_release_returns_the_stock_once_however_often_it_is_called()
    {
        var product = await Product(stock: 5);
        var orderId = Guid.CreateVersion7();
        await (await Reserve(orderId, (product.Id, 3))).ShouldBe<ReservationDto>(HttpStatusCode.OK);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NoContent, (await _service.DeleteAsync($"{Reservations}/{orderId}")).StatusCode);

        Assert.Equal(5, await StockOf(product.Id));
        // A late retry of the reservation shows it released and takes nothing.
        var replay = await (await Reserve(orderId, (product.Id, 3))).ShouldBe<ReservationDto>(HttpStatusCode.OK);
        Assert.True(replay.Released);
        Assert.Equal(5, await StockOf(product.Id));
    }

    [Fact]
    public async Task Releasing_an_unknown_order_is_a_204_and_a_reservation_arriving_after_it_is_refused()
    {
        var product = await Product(stock: 5);
        var orderId = Guid.CreateVersion7();

        Assert.Equal(HttpStatusCode.NoContent, (await _service.DeleteAsync($"{Reservations}/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _service.DeleteAsync($"{Reservations}/{orderId}")).StatusCode);

        var problem = await (await Reserve(orderId, (product.Id, 1))).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.False(problem.TryGetProperty("shortItems", out _));
        Assert.Equal(5, await StockOf(product.Id));
    }

    [Fact]
    public async Task Twenty_concurrent_shoppers_for_five_units_get_exactly_five_reservations()
    {
        using var metrics = new MetricsRecorder(factory.Services, CatalogMetrics.MeterName);
        var product = await Product(stock: 5);
        var clients = Enumerable.Range(0, 20).Select(_ => factory.CreateServiceClient()).ToList();
        using var start = new SemaphoreSlim(0);

        var attempts = clients.Select(async client =>
        {
            await start.WaitAsync();
            return await client.PostAsJsonAsync(Reservations, new { orderId = Guid.CreateVersion7(), items = new[] { new { productId = product.Id, quantity = 1 } } });
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await refused.ShouldBeProblem(HttpStatusCode.Conflict);
            Assert.Equal(product.Id, problem.GetProperty("shortItems")[0].GetProperty("productId").GetGuid());
        }
        Assert.Equal(0, await StockOf(product.Id));
        Assert.Equal((5, 15, 15), (metrics.Sum("productstore.stock.reservations", ("outcome", "reserved")), metrics.Sum("productstore.stock.reservations", ("outcome", "refused")),
            metrics.Sum("productstore.stock.reservations_refused")));
    }

    [Theory]
    [InlineData("""{"items":[{"productId":"0196a0c4-0000-7000-8000-000000000001","quantity":1}]}""", "orderId")]
    [InlineData("""{"orderId":"0196a0c4-0000-7000-8000-000000000002","items":[]}""", "items")]
    [InlineData("""{"orderId":"0196a0c4-0000-7000-8000-000000000002"}""", "items")]
    [InlineData("""{"orderId":"0196a0c4-0000-7000-8000-000000000002","items":[{"productId":"0196a0c4-0000-7000-8000-000000000001","quantity":0}]}""", "items")]
    [InlineData("""{"orderId":"0196a0c4-0000-7000-8000-000000000002","items":[{"quantity":1}]}""", "items")]
    [InlineData("""{"orderId":"0196a0c4-0000-7000-8000-000000000002","items":[null]}""", "items")]
    [InlineData("""{"orderId":"0196a0c4-0000-7000-8000-000000000002","items":[{"productId":"0196a0c4-0000-7000-8000-000000000001","quantity":1},{"productId":"0196a0c4-0000-7000-8000-000000000001","quantity":2}]}""", "items")]
    public async Task Invalid_reservations_are_validation_problems(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await (await _service.PostAsync(Reservations, content)).ShouldBeValidationProblem(field);
    }

    [Fact]
    public async Task Stock_endpoints_need_a_service_token()
    {
        var product = await Product(stock: 5);
        var orderId = Guid.CreateVersion7();
        var body = new { orderId, items = new[] { new { productId = product.Id, quantity = 1 } } };
        foreach (var (client, status) in new[] { (factory.CreateClient(), HttpStatusCode.Unauthorized), (factory.CreateCustomerClient(), HttpStatusCode.Forbidden), (_admin, HttpStatusCode.Forbidden) })
        {
            await (await client.PostAsJsonAsync(Reservations, body)).ShouldBeProblem(status);
            await (await client.DeleteAsync($"{Reservations}/{orderId}")).ShouldBeProblem(status);
        }
        Assert.Equal(5, await StockOf(product.Id));
        // Nothing was recorded for the order id: the service can still reserve it.
        await (await _service.PostAsJsonAsync(Reservations, body)).ShouldBe<ReservationDto>(HttpStatusCode.OK);
    }
}
