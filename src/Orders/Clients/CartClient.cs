using System.Net.Http.Json;
using ProductStore.ServiceDefaults.Http;
using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.Orders.Clients;

/// <summary>Cart's internal API, called with Orders' service token.</summary>
public sealed class CartClient(HttpClient http)
{
    public async Task<CartSnapshot> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"internal/carts/{userId}", cancellationToken);
        response.EnsureAnswered("Cart", "for a cart");
        return await response.Content.ReadFromJsonAsync(OrdersJsonContext.Default.CartSnapshot, cancellationToken)
            ?? throw new DependencyUnavailableException("Cart answered with an empty body.");
    }

    /// <summary>Takes the ordered lines out of the cart; lines the shopper changed meanwhile stay.</summary>
    public async Task RemoveOrderedAsync(Guid userId, IReadOnlyList<CartItemQuantity> items, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"internal/carts/{userId}/remove-ordered")
        {
            Content = JsonContent.Create(new RemoveOrderedRequest(items), OrdersJsonContext.Default.RemoveOrderedRequest),
        };
        using var response = await http.SendAsync(request.MarkIdempotent(), cancellationToken);
        response.EnsureAnswered("Cart", "when emptying a cart");
    }
}

public sealed record CartSnapshot(Guid UserId, IReadOnlyList<CartSnapshotItem> Items);

public sealed record CartSnapshotItem(Guid ProductId, string Name, int Quantity, decimal PriceWhenAdded, string Currency);

public sealed record CartItemQuantity(Guid ProductId, int Quantity);

public sealed record RemoveOrderedRequest(IReadOnlyList<CartItemQuantity> Items);
