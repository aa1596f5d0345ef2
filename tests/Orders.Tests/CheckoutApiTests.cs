using System.Net;
using System.Text.Json;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

public class CheckoutApiTests(OrdersFixture fixture) : IClassFixture<OrdersFixture>
{
    private FakeCart Cart => fixture.Cart;
    private FakeCatalog Catalog => fixture.Catalog;

    [Fact]
    public async Task Checkout_prices_from_catalog_reserves_stock_and_empties_the_cart()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var kettle = Catalog.Add(stock: 10, price: 24.50m);
        var mug = Catalog.Add(stock: 5, price: 3.99m);
        Cart.Put(user, kettle, 2, priceWhenAdded: 1m); // the cart's old price must not be what is charged
        Cart.Put(user, mug, 3);

        var response = await client.CheckOutAsync(Guid.NewGuid().ToString());

        var order = await response.ShouldBe<OrderDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(user, order.UserId);
        Assert.Equal("Pending", order.Status);
        Assert.Equal(24.50m, order.Items.Single(i => i.ProductId == kettle.Id).UnitPrice);
        Assert.Equal(49.00m + 11.97m, order.Total);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(8, Catalog.StockOf(kettle.Id));
        Assert.Equal(2, Catalog.StockOf(mug.Id));
        Assert.True(Catalog.IsReserved(order.Id));
        Assert.Empty(Cart.Lines(user));
        Assert.Equal(0, Catalog.CallsWithoutServiceToken);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_same_order_without_reserving_again()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var product = Catalog.Add(stock: 10);
        Cart.Put(user, product, 2);
        var key = Guid.NewGuid().ToString();

        var first = await (await client.CheckOutAsync(key)).ShouldBe<OrderDto>(HttpStatusCode.Created);
        var retry = await client.CheckOutAsync(key);
        var second = await retry.ShouldBe<OrderDto>(HttpStatusCode.OK);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(8, Catalog.StockOf(product.Id));
    }

    [Fact]
    public async Task The_same_key_with_a_different_cart_is_refused()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var product = Catalog.Add(stock: 10);
        Cart.Put(user, product, 1);
        var key = Guid.NewGuid().ToString();
        await (await client.CheckOutAsync(key)).ShouldBe<OrderDto>(HttpStatusCode.Created);

        Cart.Put(user, Catalog.Add(stock: 10), 4);
        var reused = await client.CheckOutAsync(key);

        await reused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Single(Cart.Lines(user));
    }

    [Fact]
    public async Task Ten_concurrent_requests_with_one_key_make_one_order_and_one_reservation()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var product = Catalog.Add(stock: 10);
        Cart.Put(user, product, 3);
        var key = Guid.NewGuid().ToString();

        // They meet at the cart's lock: one runs the checkout, the others wait for it and answer with its order.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.CheckOutAsync(key)));

        var orders = new List<OrderDto>();
        foreach (var response in responses)
        {
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });
            orders.Add(JsonSerializer.Deserialize<OrderDto>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!);
        }
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(orders.Select(o => o.Id).Distinct());
        Assert.Equal(7, Catalog.StockOf(product.Id));
        var mine = await client.GetStringAsync("/api/orders");
        Assert.Single(JsonSerializer.Deserialize<OrderPageDto>(mine, JsonSerializerOptions.Web)!.Items);
    }

    [Fact]
    public async Task Ten_concurrent_checkouts_of_one_cart_under_different_keys_make_exactly_one_order()
    {
        await using var slowCart = await FakeCart.StartAsync();
        slowCart.ReadDelay = TimeSpan.FromMilliseconds(300);
        await using var factory = new OrdersFactory(slowCart, Catalog);
        var (user, client) = factory.CreateShopper();
        var product = Catalog.Add(stock: 100);
        slowCart.Put(user, product, 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.CheckOutAsync(Guid.NewGuid().ToString())));

        var placed = await Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created).ShouldBe<OrderDto>(HttpStatusCode.Created);
        foreach (var other in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            // Refused while the first ran (409), or found the cart already emptied by it (422).
            Assert.Contains(other.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity });
            await other.ShouldBeProblem(other.StatusCode);
        }
        Assert.Equal(97, Catalog.StockOf(product.Id));
        var mine = JsonSerializer.Deserialize<OrderPageDto>(await client.GetStringAsync("/api/orders"), JsonSerializerOptions.Web)!;
        Assert.Equal(placed.Id, Assert.Single(mine.Items).Id);
        // The cart is free again: a new checkout of a refilled cart goes through.
        slowCart.Put(user, product, 1);
        await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Twenty_shoppers_racing_for_five_units_get_exactly_five_orders()
    {
        var product = Catalog.Add(stock: 5);
        var shoppers = Enumerable.Range(0, 20).Select(_ => fixture.Factory.CreateShopper()).ToArray();
        foreach (var (user, _) in shoppers) Cart.Put(user, product, 1);
        Cart.GateReads(20);

        var responses = await Task.WhenAll(shoppers.Select(s => s.Client.CheckOutAsync(Guid.NewGuid().ToString())));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ShouldBeProblem(HttpStatusCode.Conflict);
            Assert.Equal(product.Id, problem.GetProperty("shortItems")[0].GetProperty("productId").GetGuid());
        }
        Assert.Equal(0, Catalog.StockOf(product.Id));
    }

    [Fact]
    public async Task Short_stock_is_a_409_naming_the_items_and_nothing_is_reserved_or_ordered()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var plenty = Catalog.Add(stock: 10);
        var scarce = Catalog.Add(stock: 1);
        Cart.Put(user, plenty, 2);
        Cart.Put(user, scarce, 3);
        var reservationsBefore = Catalog.ActiveReservations;

        var response = await client.CheckOutAsync(Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblem(HttpStatusCode.Conflict);
        var shortItem = Assert.Single(problem.GetProperty("shortItems").EnumerateArray());
        Assert.Equal(scarce.Id, shortItem.GetProperty("productId").GetGuid());
        Assert.Equal(3, shortItem.GetProperty("requested").GetInt32());
        Assert.Equal(1, shortItem.GetProperty("available").GetInt32());
        Assert.Equal(10, Catalog.StockOf(plenty.Id));
        Assert.Equal(reservationsBefore, Catalog.ActiveReservations);
        Assert.Equal(2, Cart.Lines(user).Count);
    }

    [Fact]
    public async Task After_a_refusal_the_same_key_can_check_out_the_fixed_cart()
    {
        var (user, client) = fixture.Factory.CreateShopper();
        var scarce = Catalog.Add(stock: 1);
        Cart.Put(user, scarce, 2);
        var key = Guid.NewGuid().ToString();
        await (await client.CheckOutAsync(key)).ShouldBeProblem(HttpStatusCode.Conflict);

        Cart.Put(user, scarce, 1);
        await (await client.CheckOutAsync(key)).ShouldBe<OrderDto>(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has spaces")]
    public async Task A_checkout_needs_a_sane_idempotency_key(string? key)
    {
        var (user, client) = fixture.Factory.CreateShopper();
        Cart.Put(user, Catalog.Add(stock: 1), 1);

        await (await client.CheckOutAsync(key)).ShouldBeValidationProblem("Idempotency-Key");
    }

    [Fact]
    public async Task An_empty_cart_cannot_be_checked_out()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Checkout_needs_a_signed_in_user()
    {
        var anonymous = fixture.Factory.CreateClient();
        await (await anonymous.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
