using System.Net;
using System.Net.Http.Json;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

public class AdminOrdersApiTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private async Task<OrderDto> PlaceOrder()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        fixture.Cart.Put(user, fixture.Catalog.Add(stock: 10), 1);
        return await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_admin_lists_every_users_orders_and_filters_by_status()
    {
        var first = await PlaceOrder();
        var second = await PlaceOrder();
        var admin = fixture.Factory.CreateAdminClient();
        await (await admin.PutAsJsonAsync($"/api/orders/{second.Id}/status", new { status = "Paid" })).ShouldBe<OrderDto>(HttpStatusCode.OK);

        var all = await admin.GetFromJsonAsync<OrderPageDto>("/api/orders/all?limit=100");
        var paid = await admin.GetFromJsonAsync<OrderPageDto>("/api/orders/all?status=paid&limit=100");

        Assert.Contains(all!.Items, o => o.Id == first.Id);
        Assert.Contains(all.Items, o => o.Id == second.Id);
        Assert.Contains(paid!.Items, o => o.Id == second.Id);
        Assert.DoesNotContain(paid.Items, o => o.Id == first.Id);
        Assert.All(paid.Items, o => Assert.Equal("Paid", o.Status));
    }

    [Fact]
    public async Task An_admin_moves_an_order_along_legal_transitions_only()
    {
        var order = await PlaceOrder();
        var admin = fixture.Factory.CreateAdminClient();

        foreach (var status in new[] { "Paid", "Shipped", "Delivered" })
        {
            var moved = await (await admin.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status })).ShouldBe<OrderDto>(HttpStatusCode.OK);
            Assert.Equal(status, moved.Status);
            Assert.StartsWith("admin:", moved.History[^1].By);
        }
        var final = await admin.GetOrderAsync(order.Id);
        Assert.Equal(["Pending", "Paid", "Shipped", "Delivered"], final.History.Select(h => h.To));

        await (await admin.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "Cancelled" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "Pending" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_admin_cancelling_returns_the_stock()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var product = fixture.Catalog.Add(stock: 3);
        fixture.Cart.Put(user, product, 3);
        var order = await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);

        var admin = fixture.Factory.CreateAdminClient();
        await (await admin.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "Cancelled" })).ShouldBe<OrderDto>(HttpStatusCode.OK);

        Assert.Equal(3, fixture.Catalog.StockOf(product.Id));
    }

    [Theory]
    [InlineData("""{"status":"Lost"}""")]
    [InlineData("""{"status":"1"}""")]
    [InlineData("""{}""")]
    public async Task An_unknown_status_is_a_400(string body)
    {
        var order = await PlaceOrder();
        var admin = fixture.Factory.CreateAdminClient();
        var response = await admin.PutAsync($"/api/orders/{order.Id}/status", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationProblem("status");
        await (await admin.GetAsync("/api/orders/all?status=Lost")).ShouldBeValidationProblem("status");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var order = await PlaceOrder();
        var admin = fixture.Factory.CreateAdminClient();
        var response = await admin.PutAsync($"/api/orders/{order.Id}/status", new StringContent("{\"status\":", System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_orders_are_404()
    {
        var admin = fixture.Factory.CreateAdminClient();
        await (await admin.PutAsJsonAsync($"/api/orders/{Guid.NewGuid()}/status", new { status = "Paid" })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customers_cannot_use_admin_endpoints()
    {
        var order = await PlaceOrder();
        var (_, customer) = fixture.Factory.CreateShopper();
        await (await customer.GetAsync("/api/orders/all")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await customer.PutAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "Paid" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await fixture.Factory.CreateClient().GetAsync("/api/orders/all")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
