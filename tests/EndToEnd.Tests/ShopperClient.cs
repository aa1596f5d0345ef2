using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>A person using the shop through the gateway: signs up or in, then calls the API with their token.</summary>
public sealed class ShopperClient : IDisposable
{
    private ShopperClient(HttpClient http, string email, string password, JsonElement tokens)
    {
        Http = http;
        Email = email;
        Password = password;
        Tokens = tokens;
    }

    public HttpClient Http { get; }

    public string Email { get; }

    public string Password { get; }

    public JsonElement Tokens { get; }

    public string AccessToken => Tokens.GetProperty("accessToken").GetString()!;

    public static async Task<ShopperClient> RegisterAsync(ProductStoreSystem system, string? email = null)
    {
        email ??= $"shopper-{Guid.NewGuid():N}@e2e.productstore.test";
        const string password = "correct-horse-battery-staple";
        using var anonymous = system.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("api/users/register", new { email, password, displayName = "E2E Shopper" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await LoginAsync(system, email, password);
    }

    public static async Task<ShopperClient> LoginAsync(ProductStoreSystem system, string email, string password)
    {
        using var anonymous = system.CreateClient();
        var tokens = await (await anonymous.PostAsJsonAsync("api/users/login", new { email, password })).ShouldBe<JsonElement>(HttpStatusCode.OK);
        return new ShopperClient(system.CreateClient(tokens.GetProperty("accessToken").GetString()), email, password, tokens);
    }

    public static Task<ShopperClient> AdminAsync(ProductStoreSystem system) =>
        LoginAsync(system, ProductStoreSystem.AdminEmail, ProductStoreSystem.AdminPassword);

    public async Task<JsonElement> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await Http.GetAsync(path)).ShouldBe<JsonElement>(expected);

    public async Task<JsonElement> PutItemAsync(Guid productId, int quantity) =>
        await (await Http.PutAsJsonAsync($"api/cart/items/{productId}", new { quantity })).ShouldBe<JsonElement>(HttpStatusCode.OK);

    public async Task<HttpResponseMessage> CheckOutAsync(string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http.SendAsync(request);
    }

    /// <summary>Products of one page of the public catalog, with the filters given as a query string.</summary>
    public async Task<JsonArray> ProductsAsync(string query = "")
    {
        var page = await GetAsync("api/catalog/products" + query);
        return JsonNode.Parse(page.GetProperty("items").GetRawText())!.AsArray();
    }

    public void Dispose() => Http.Dispose();
}
