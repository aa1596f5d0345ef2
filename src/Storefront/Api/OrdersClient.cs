namespace ProductStore.Storefront.Api;

/// <summary>The signed-in shopper's orders: check out, list, read, cancel.</summary>
public sealed class OrdersClient(HttpClient http)
{
    /// <summary>The same key for a repeated submit of one rendered form, so it places one order.</summary>
    public async Task<ApiResult<Order>> CheckOutAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await ApiResult<Order>.ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<ApiResult<Page<Order>>> MineAsync(string? cursor, CancellationToken cancellationToken = default) =>
        await ApiResult<Page<Order>>.ReadAsync(await http.GetAsync(WithCursor("api/orders?limit=20", cursor), cancellationToken), cancellationToken);

    public async Task<ApiResult<Order>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ApiResult<Order>.ReadAsync(await http.GetAsync($"api/orders/{id}", cancellationToken), cancellationToken);

    public async Task<ApiResult<Order>> CancelAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ApiResult<Order>.ReadAsync(await http.PostAsync($"api/orders/{id}/cancel", null, cancellationToken), cancellationToken);

    internal static string WithCursor(string path, string? cursor) =>
        cursor is { Length: > 0 } ? $"{path}&cursor={Uri.EscapeDataString(cursor)}" : path;
}
