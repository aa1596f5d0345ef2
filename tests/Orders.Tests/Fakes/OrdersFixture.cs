using System.Net.Http.Json;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Fakes;

/// <summary>One Orders app with its fakes, shared by a test class; tests stay apart by using their own users and products.</summary>
public sealed class OrdersFixture : IAsyncLifetime
{
    public FakeCart Cart { get; private set; } = null!;
    public FakeCatalog Catalog { get; private set; } = null!;
    public OrdersFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cart = await FakeCart.StartAsync();
        Catalog = await FakeCatalog.StartAsync();
        Factory = new OrdersFactory(Cart, Catalog);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Cart.DisposeAsync();
        await Catalog.DisposeAsync();
    }
}

public static class OrdersHttp
{
    public static Task<HttpResponseMessage> CheckOutAsync(this HttpClient client, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders");
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<OrderDto> GetOrderAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<OrderDto>($"/api/orders/{id}"))!;
}

public sealed record OrderDto(Guid Id, Guid UserId, string Status, List<OrderLineDto> Items, decimal Total, string Currency,
    DateTimeOffset CreatedAt, List<StatusChangeDto> History);

public sealed record OrderLineDto(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, string Currency, decimal LineTotal);

public sealed record StatusChangeDto(string? From, string To, DateTimeOffset At, string By);

public sealed record OrderPageDto(List<OrderDto> Items, string? NextCursor);
