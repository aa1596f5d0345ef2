using System.Net;
using System.Net.Http.Json;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

public class OrdersApiTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private async Task<OrderDto> PlaceOrder(Guid user, HttpClient client, int stock = 10, int quantity = 1)
    {
        var product = fixture.Catalog.Add(stock);
        fixture.Cart.Put(user, product, quantity);
        return await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_shopper_lists_their_own_orders_newest_first_page_by_page()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var placed = new List<Guid>();
        for (var i = 0; i < 5; i++) placed.Add((await PlaceOrder(user, client)).Id);
        var (otherUser, otherClient) = fixture.Factory.CreateShopper();
        await PlaceOrder(otherUser, otherClient);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<OrderPageDto>("/api/orders?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page!.Items.Count <= 2);
            seen.AddRange(page.Items.Select(o => o.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(placed), seen);
    }

    [Fact]
    public async Task A_service_token_is_no_shopper_and_gets_403()
    {
        using var service = fixture.Factory.CreateServiceClient();

        await (await service.GetAsync("/api/orders")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cursor_from_another_listing_is_a_400()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var foreign = ProductStore.Storage.Cursor.Encode("orders:all", "1:00");
        await (await client.GetAsync("/api/orders?cursor=" + foreign)).ShouldBeValidationProblem("cursor");
        await (await client.GetAsync("/api/orders?limit=0")).ShouldBeValidationProblem("limit");
    }

    [Fact]
    public async Task A_shopper_reads_their_order_but_another_users_order_is_not_found()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var order = await PlaceOrder(user, client);
        var (_, stranger) = fixture.Factory.CreateShopper();

        Assert.Equal(order.Id, (await client.GetOrderAsync(order.Id)).Id);
        await (await stranger.GetAsync($"/api/orders/{order.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/orders/{order.Id}/cancel", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/orders/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var admin = fixture.Factory.CreateAdminClient();
        Assert.Equal(order.Id, (await admin.GetOrderAsync(order.Id)).Id);
    }

    [Fact]
    public async Task Cancelling_a_pending_order_returns_its_stock_and_records_who_did_it()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var product = fixture.Catalog.Add(stock: 4);
        fixture.Cart.Put(user, product, 3);
        var order = await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);
        Assert.Equal(1, fixture.Catalog.StockOf(product.Id));

        var cancelled = await (await client.PostAsync($"/api/orders/{order.Id}/cancel", null)).ShouldBe<OrderDto>(HttpStatusCode.OK);

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal(new StatusChangeDto("Pending", "Cancelled", cancelled.History[^1].At, $"user:{user}"), cancelled.History[^1]);
        Assert.Equal(4, fixture.Catalog.StockOf(product.Id));
        Assert.False(fixture.Catalog.IsReserved(order.Id));
        await (await client.PostAsync($"/api/orders/{order.Id}/cancel", null)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_shipped_order_cannot_be_cancelled()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var order = await PlaceOrder(user, client);
        var admin = fixture.Factory.CreateAdminClient();
        await admin.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "Paid" });
        await admin.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "shipped" });

        var problem = await (await client.PostAsync($"/api/orders/{order.Id}/cancel", null)).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal("Shipped", problem.GetProperty("currentStatus").GetString());
        Assert.True(fixture.Catalog.IsReserved(order.Id));
    }

    [Fact]
    public async Task Cancelling_while_catalog_is_down_still_cancels_and_the_stock_returns_later()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var product = fixture.Catalog.Add(stock: 2);
        fixture.Cart.Put(user, product, 2);
        var order = await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);

        fixture.Catalog.Down = true;
        try
        {
            var cancelled = await (await client.PostAsync($"/api/orders/{order.Id}/cancel", null)).ShouldBe<OrderDto>(HttpStatusCode.OK);
            Assert.Equal("Cancelled", cancelled.Status);
            Assert.Equal(0, fixture.Catalog.StockOf(product.Id));
        }
        finally
        {
            fixture.Catalog.Down = false;
        }

        await fixture.Factory.Worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, fixture.Catalog.StockOf(product.Id));
    }

    [Fact]
    public async Task Orders_need_a_signed_in_user()
    {
        var anonymous = fixture.Factory.CreateClient();
        await (await anonymous.GetAsync("/api/orders")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/orders/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
