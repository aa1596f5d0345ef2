using System.Net.Http.Headers;

namespace ProductStore.Storefront.Api;

/// <summary>The signed-in shopper's cart.</summary>
public sealed class CartClient(HttpClient http)
{
    public async Task<ApiResult<ShopperCart>> GetAsync(CancellationToken cancellationToken = default) =>
        await ApiResult<ShopperCart>.ReadAsync(await http.GetAsync("api/cart", cancellationToken), cancellationToken);

    /// <summary>Adds a product or sets its quantity; <paramref name="accessToken"/> for the moment of login, before the cookie exists.</summary>
    public async Task<ApiResult<ShopperCart>> SetQuantityAsync(Guid productId, int quantity, string? accessToken = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/cart/items/{productId}") { Content = JsonContent.Create(new { quantity }) };
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await ApiResult<ShopperCart>.ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<ApiResult<ShopperCart>> RemoveAsync(Guid productId, CancellationToken cancellationToken = default) =>
        await ApiResult<ShopperCart>.ReadAsync(await http.DeleteAsync($"api/cart/items/{productId}", cancellationToken), cancellationToken);
}
