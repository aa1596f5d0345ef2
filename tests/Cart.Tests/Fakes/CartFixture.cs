using System.Net;
using System.Net.Http.Json;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests.Fakes;

/// <summary>One Cart app with its fake Catalog, shared by a test class; tests stay apart by using their own users and products.</summary>
public sealed class CartFixture : IAsyncLifetime
{
    public FakeCatalog Catalog { get; private set; } = null!;
    public CartFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Catalog = await FakeCatalog.StartAsync();
        Factory = new CartFactory(Catalog);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Catalog.DisposeAsync();
    }
}

public static class CartHttp
{
    public static Task<HttpResponseMessage> PutItemAsync(this HttpClient client, Guid productId, int quantity) =>
        client.PutAsJsonAsync($"/api/cart/items/{productId}", new { quantity });

    /// <summary>Sets a quantity and expects it to succeed.</summary>
    public static async Task<CartDto> SetItemAsync(this HttpClient client, Guid productId, int quantity) =>
        await (await client.PutItemAsync(productId, quantity)).ShouldBe<CartDto>(HttpStatusCode.OK);

    public static async Task<CartDto> GetCartAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/cart")).ShouldBe<CartDto>(HttpStatusCode.OK);
}

public sealed record CartDto(Guid UserId, List<CartItemDto> Items, decimal Total, string Currency, int ItemCount);

public sealed record CartItemDto(Guid ProductId, string Name, int Quantity, decimal UnitPrice, decimal PriceWhenAdded, decimal CurrentPrice,
    bool PriceChanged, string Currency, decimal LineTotal);

public sealed record CartSnapshotDto(Guid UserId, List<CartSnapshotItemDto> Items);

public sealed record CartSnapshotItemDto(Guid ProductId, string Name, int Quantity, decimal PriceWhenAdded, string Currency);
