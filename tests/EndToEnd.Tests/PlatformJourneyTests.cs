using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

public sealed class PlatformJourneyTests(SystemFixture fixture) : PlatformJourney(fixture), IClassFixture<SystemFixture>;

/// <summary>The platform issue's journey on the real processes, through the gateway only.</summary>
public abstract class PlatformJourney(SystemFixture fixture)
{
    private ProductStoreSystem _system => fixture.System;

    [Fact]
    public async Task Register_browse_admin_adds_a_product_customer_sees_it_internal_is_closed_and_all_survives_a_restart()
    {
        using var customer = await ShopperClient.RegisterAsync(_system);
        using var anonymous = _system.CreateClient();

        // Browse: categories, a page, the next page, a filtered and sorted page.
        var categories = await (await anonymous.GetAsync("api/catalog/categories")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.True(categories.GetArrayLength() >= 12, $"demo catalog has {categories.GetArrayLength()} categories");
        var firstPage = await customer.GetAsync("api/catalog/products?limit=5");
        Assert.Equal(5, firstPage.GetProperty("items").GetArrayLength());
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await customer.GetAsync($"api/catalog/products?limit=5&cursor={Uri.EscapeDataString(cursor!)}");
        var firstIds = firstPage.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(secondPage.GetProperty("items").EnumerateArray(), p => firstIds.Contains(p.GetProperty("id").GetString()));

        var category = categories[0].GetProperty("slug").GetString()!;
        var filtered = await customer.ProductsAsync($"?category={category}&sort=price&limit=100&maxPrice=1000000");
        Assert.NotEmpty(filtered);
        Assert.All(filtered, p => Assert.Equal(category, (string?)p!["category"]));
        var prices = filtered.Select(p => (decimal)p!["price"]!).ToList();
        Assert.Equal(prices.Order(), prices);

        // An admin adds a product; the customer finds it by name.
        using var admin = await ShopperClient.AdminAsync(_system);
        var name = "E2E Lamp " + Guid.NewGuid().ToString("N")[..6];
        var created = await (await admin.Http.PostAsJsonAsync("api/catalog/products", new
        {
            sku = "E2E-" + Guid.NewGuid().ToString("N")[..10], name, description = "Made by the end-to-end test",
            category, price = 42.50m, currency = "EUR", stock = 7, imageUrl = "https://img.example/lamp.png",
        })).ShouldBe<JsonElement>(HttpStatusCode.Created);
        var productId = created.GetProperty("id").GetString();
        var found = await customer.ProductsAsync($"?q={Uri.EscapeDataString(name.ToLowerInvariant())}");
        Assert.Equal(productId, (string?)Assert.Single(found)!["id"]);

        // A customer cannot write the catalog, nobody anonymous can, and internal endpoints are not routed at all.
        // A valid product, so the answer is about who asks, not about the body (a validating proxy would stop an empty one first).
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.PostAsJsonAsync("api/catalog/products", new
        {
            sku = "E2E-" + Guid.NewGuid().ToString("N")[..10], name = "Not mine to add", category, price = 1m, stock = 1,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/users/me")).StatusCode);
        await (await customer.Http.PostAsJsonAsync("internal/stock/reservations", new { orderId = Guid.NewGuid(), items = Array.Empty<object>() }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        await (await anonymous.PostAsJsonAsync("internal/token", new { clientId = "orders", clientSecret = "guess" })).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.Http.GetAsync($"internal/carts/{Guid.NewGuid()}")).StatusCode);

        await _system.RestartAsync();

        // Same signing key: the access token issued before the restart still works; the account and product are still there.
        using var sameToken = _system.CreateClient(customer.AccessToken);
        var me = await (await sameToken.GetAsync("api/users/me")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(customer.Email, me.GetProperty("email").GetString());
        using var again = await ShopperClient.LoginAsync(_system, customer.Email, customer.Password);
        var product = await again.GetAsync($"api/catalog/products/{productId}");
        Assert.Equal(name, product.GetProperty("name").GetString());
        Assert.Equal(42.50m, decimal.Parse(product.GetProperty("price").GetRawText(), CultureInfo.InvariantCulture));
    }
}
