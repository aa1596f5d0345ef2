using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

public sealed class ShopperJourneyTests(SystemFixture fixture) : ShopperJourney(fixture), IClassFixture<SystemFixture>;

public sealed class CassandraShopperJourneyTests(CassandraSystemFixture fixture) : ShopperJourney(fixture), IClassFixture<CassandraSystemFixture>;

/// <summary>The shopping-flow issue's journey on the real processes, through the gateway only, on either store.</summary>
public abstract class ShopperJourney(SystemFixture fixture)
{
    private ProductStoreSystem _system => fixture.System;

    [Fact]
    public async Task A_shopper_buys_retries_sees_delivery_cancels_another_order_and_everything_survives_a_restart()
    {
        using var alice = await ShopperClient.RegisterAsync(_system);
        using var bob = await ShopperClient.RegisterAsync(_system);
        using var admin = await ShopperClient.AdminAsync(_system);

        // Browse and filter: three in-stock products of one currency.
        var products = (await alice.ProductsAsync("?inStock=true&sort=-price&limit=50"))
            .Where(p => (int)p!["stock"]! >= 5 && (string?)p["currency"] == "EUR").Take(3).ToList();
        Assert.Equal(3, products.Count);
        var ids = products.Select(p => Guid.Parse((string)p!["id"]!)).ToArray();

        // Fill the cart, change a quantity, remove one line.
        await alice.PutItemAsync(ids[0], 1);
        await alice.PutItemAsync(ids[1], 1);
        await alice.PutItemAsync(ids[2], 3);
        await alice.PutItemAsync(ids[0], 2);
        var cart = await (await alice.Http.DeleteAsync($"api/cart/items/{ids[2]}")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(2, cart.GetProperty("items").GetArrayLength());
        var expectedTotal = 2 * (decimal)products[0]!["price"]! + (decimal)products[1]!["price"]!;
        Assert.Equal(expectedTotal, cart.GetProperty("total").GetDecimal());
        var stockBefore = await StockAsync(alice, ids[0]);

        // Check out, then retry with the same key: the same order.
        var key = Guid.NewGuid().ToString();
        var order = await (await alice.CheckOutAsync(key)).ShouldBe<JsonElement>(HttpStatusCode.Created);
        var retried = await (await alice.CheckOutAsync(key)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        var orderId = order.GetProperty("id").GetString()!;
        Assert.Equal(orderId, retried.GetProperty("id").GetString());
        Assert.Equal(expectedTotal, order.GetProperty("total").GetDecimal());
        Assert.Empty((await alice.GetAsync("api/cart")).GetProperty("items").EnumerateArray());
        Assert.Equal(stockBefore - 2, await StockAsync(alice, ids[0]));

        // The order moves along by itself to Delivered, with its history.
        var delivered = await WaitForStatusAsync(alice, orderId, "Delivered", TimeSpan.FromSeconds(30));
        var history = delivered.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()!).ToArray();
        Assert.Equal(["Pending", "Paid", "Shipped", "Delivered"], history);

        // A second order is cancelled and its stock returns.
        var stockBeforeSecond = await StockAsync(alice, ids[1]);
        await alice.PutItemAsync(ids[1], 2);
        var second = await (await alice.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<JsonElement>(HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetString()!;
        Assert.Equal(stockBeforeSecond - 2, await StockAsync(alice, ids[1]));
        var cancelled = await (await alice.Http.PostAsync($"api/orders/{secondId}/cancel", null)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(stockBeforeSecond, await StockAsync(alice, ids[1]));

        // Bob sees neither Alice's orders nor her cart.
        await (await bob.Http.GetAsync($"api/orders/{orderId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Empty((await bob.GetAsync("api/orders")).GetProperty("items").EnumerateArray());
        await alice.PutItemAsync(ids[2], 1);
        Assert.Empty((await bob.GetAsync("api/cart")).GetProperty("items").EnumerateArray());

        // The admin sees every order.
        var all = await admin.GetAsync("api/orders/all?limit=100");
        var allIds = all.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(orderId, allIds);
        Assert.Contains(secondId, allIds);

        var stockBeforeRestart = await Task.WhenAll(ids.Select(id => StockAsync(alice, id)));
        await _system.RestartAsync();

        // Orders, carts and stock are as they were.
        using var aliceAgain = await ShopperClient.LoginAsync(_system, alice.Email, alice.Password);
        var mine = await aliceAgain.GetAsync("api/orders");
        Assert.Equal([secondId, orderId], mine.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("Delivered", (await aliceAgain.GetAsync($"api/orders/{orderId}")).GetProperty("status").GetString());
        var cartAfter = await aliceAgain.GetAsync("api/cart");
        var line = Assert.Single(cartAfter.GetProperty("items").EnumerateArray());
        Assert.Equal(ids[2].ToString(), line.GetProperty("productId").GetString());
        Assert.Equal(stockBeforeRestart, await Task.WhenAll(ids.Select(id => StockAsync(aliceAgain, id))));
    }

    [Fact]
    public async Task Twenty_shoppers_race_for_five_units_exactly_five_orders_succeed_and_stock_ends_at_zero()
    {
        using var admin = await ShopperClient.AdminAsync(_system);
        var category = (await admin.GetAsync("api/catalog/categories"))[0].GetProperty("slug").GetString();
        var product = await (await admin.Http.PostAsJsonAsync("api/catalog/products", new
        {
            sku = "RACE-" + Guid.NewGuid().ToString("N")[..8], name = "Last five", description = "", category,
            price = 10m, currency = "EUR", stock = 5, imageUrl = "",
        })).ShouldBe<JsonElement>(HttpStatusCode.Created);
        var productId = Guid.Parse(product.GetProperty("id").GetString()!);

        var shoppers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ShopperClient.RegisterAsync(_system)));
        foreach (var shopper in shoppers) await shopper.PutItemAsync(productId, 1);

        var responses = await Task.WhenAll(shoppers.Select(s => s.CheckOutAsync(Guid.NewGuid().ToString())));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, await StockAsync(admin, productId));
        foreach (var shopper in shoppers) shopper.Dispose();
    }

    private static async Task<int> StockAsync(ShopperClient client, Guid productId) =>
        (await client.GetAsync($"api/catalog/products/{productId}")).GetProperty("stock").GetInt32();

    private static async Task<JsonElement> WaitForStatusAsync(ShopperClient client, string orderId, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var order = await client.GetAsync($"api/orders/{orderId}");
            if (order.GetProperty("status").GetString() == status) return order;
            Assert.True(DateTime.UtcNow < deadline, $"Order still {order.GetProperty("status")} after {timeout}: {order}");
            await Task.Delay(250);
        }
    }
}
