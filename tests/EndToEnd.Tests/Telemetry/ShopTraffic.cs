using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>A realistic mix of requests through the gateway, successes and the usual client mistakes, for the dashboards to show.</summary>
public static class ShopTraffic
{
    /// <summary>
    /// An admin adds a product with one unit; three shoppers sign up, one mistypes her password, they browse, fill carts
    /// and check out, the last unit goes to one of them and the other finds it gone, and an order is cancelled.
    /// Uses 8 login or registration calls.
    /// </summary>
    public static async Task ShopAsync(ProductStoreSystem system)
    {
        using var admin = await ShopperClient.AdminAsync(system);
        var category = (await admin.GetAsync("api/catalog/categories"))[0].GetProperty("slug").GetString();
        var lastUnit = await CreateProductAsync(admin, category!, stock: 1);
        using var alice = await ShopperClient.RegisterAsync(system);
        using var bob = await ShopperClient.RegisterAsync(system);
        using var carol = await ShopperClient.RegisterAsync(system);
        using var anonymous = system.CreateClient();
        await (await anonymous.PostAsJsonAsync("api/users/login", new { email = alice.Email, password = "wrong-password" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);

        // Browse: a filtered page, one product, a product that does not exist, a path no route serves.
        var products = (await alice.ProductsAsync("?inStock=true&sort=-price&limit=50"))
            .Where(p => (int)p!["stock"]! >= 5 && (string?)p["currency"] == "EUR").Take(2)
            .Select(p => Guid.Parse((string)p!["id"]!)).ToList();
        Assert.Equal(2, products.Count);
        await alice.GetAsync($"api/catalog/products/{products[0]}");
        await (await alice.Http.GetAsync($"api/catalog/products/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("api/nowhere")).StatusCode);

        // Carts, with a product that does not exist.
        await alice.PutItemAsync(products[0], 2);
        await alice.PutItemAsync(products[1], 1);
        await (await alice.Http.PutAsJsonAsync($"api/cart/items/{Guid.NewGuid()}", new { quantity = 1 })).ShouldBeProblem(HttpStatusCode.NotFound);
        await bob.PutItemAsync(lastUnit, 1);
        await carol.PutItemAsync(lastUnit, 1);

        // Checkouts: Alice's, Bob gets the last unit, Carol is too late.
        await (await alice.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<JsonElement>(HttpStatusCode.Created);
        await (await bob.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<JsonElement>(HttpStatusCode.Created);
        await (await carol.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBeProblem(HttpStatusCode.Conflict);

        // Alice orders again and cancels.
        await alice.PutItemAsync(products[1], 1);
        var second = await (await alice.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<JsonElement>(HttpStatusCode.Created);
        await (await alice.Http.PostAsync($"api/orders/{second.GetProperty("id").GetString()}/cancel", null)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        await alice.GetAsync("api/orders");
    }

    /// <summary>Wrong passwords until the gateway's login limit answers 429; returns how many it took. Each attempt names
    /// another account, so that Users' per-account throttle (429 from the sixth failure on one account) is not what answers.</summary>
    public static async Task<int> HitLoginLimitAsync(ProductStoreSystem system, int maxAttempts)
    {
        using var anonymous = system.CreateClient();
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var response = await anonymous.PostAsJsonAsync("api/users/login", new { email = $"nobody-{attempt}@e2e.productstore.test", password = "guess" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return attempt;
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Fail($"No 429 after {maxAttempts} logins.");
        return maxAttempts;
    }

    private static async Task<Guid> CreateProductAsync(ShopperClient admin, string category, int stock)
    {
        var product = await (await admin.Http.PostAsJsonAsync("api/catalog/products", new
        {
            sku = "DASH-" + Guid.NewGuid().ToString("N")[..8], name = "Last unit", description = "", category,
            price = 12.5m, currency = "EUR", stock, imageUrl = "",
        })).ShouldBe<JsonElement>(HttpStatusCode.Created);
        return Guid.Parse(product.GetProperty("id").GetString()!);
    }
}
