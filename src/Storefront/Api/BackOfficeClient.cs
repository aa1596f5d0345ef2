using System.Net.Http.Headers;

namespace ProductStore.Storefront.Api;

/// <summary>The admin operations of the public API: products and stock, every order, accounts and roles.</summary>
public sealed class BackOfficeClient(HttpClient http)
{
    public async Task<ApiResult<Product>> CreateProductAsync(ProductFields fields, CancellationToken cancellationToken = default) =>
        await ApiResult<Product>.ReadAsync(await http.PostAsJsonAsync("api/catalog/products", fields, cancellationToken), cancellationToken);

    /// <summary>An edit of the version read (its ETag in If-Match); a stale one comes back as 412.</summary>
    public async Task<ApiResult<Product>> UpdateProductAsync(Guid id, string? etag, ProductFields fields, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/catalog/products/{id}") { Content = JsonContent.Create(fields with { Stock = null }) };
        if (etag is { Length: > 0 }) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await ApiResult<Product>.ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<ApiResult<bool>> DeleteProductAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ApiResult<bool>.ReadAsync(await http.DeleteAsync($"api/catalog/products/{id}", cancellationToken), cancellationToken);

    /// <summary>A signed change of stock (a delivery adds, a write-off takes), applied to the stock as it is.</summary>
    public async Task<ApiResult<bool>> AdjustStockAsync(Guid id, int change, CancellationToken cancellationToken = default) =>
        await ApiResult<bool>.ReadAsync(
            await http.PostAsJsonAsync($"api/catalog/products/{id}/stock-adjustments", new { change }, cancellationToken), cancellationToken);

    public async Task<ApiResult<Page<Order>>> OrdersAsync(string? status, string? cursor, CancellationToken cancellationToken = default)
    {
        var path = status is { Length: > 0 } ? $"api/orders/all?limit=20&status={Uri.EscapeDataString(status)}" : "api/orders/all?limit=20";
        return await ApiResult<Page<Order>>.ReadAsync(await http.GetAsync(OrdersClient.WithCursor(path, cursor), cancellationToken), cancellationToken);
    }

    public async Task<ApiResult<Order>> ChangeStatusAsync(Guid id, string status, CancellationToken cancellationToken = default) =>
        await ApiResult<Order>.ReadAsync(await http.PutAsJsonAsync($"api/orders/{id}/status", new { status }, cancellationToken), cancellationToken);

    public async Task<ApiResult<Page<Account>>> UsersAsync(string? cursor, CancellationToken cancellationToken = default) =>
        await ApiResult<Page<Account>>.ReadAsync(await http.GetAsync(OrdersClient.WithCursor("api/users?limit=50", cursor), cancellationToken), cancellationToken);

    public async Task<ApiResult<Account>> ChangeRoleAsync(Guid id, string role, CancellationToken cancellationToken = default) =>
        await ApiResult<Account>.ReadAsync(await http.PutAsJsonAsync($"api/users/{id}/role", new { role }, cancellationToken), cancellationToken);
}
