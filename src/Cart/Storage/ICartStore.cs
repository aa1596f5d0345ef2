using ProductStore.Cart.Domain;

namespace ProductStore.Cart.Storage;

/// <summary>A user's cart is one partition (user id), its lines clustered by product id, as Cassandra would hold it.</summary>
public interface ICartStore
{
    /// <summary>The user's lines in clustering order (product id).</summary>
    Task<IReadOnlyList<CartLine>> GetAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Adds the line, or sets the name and quantity of the existing one: its price and currency stay as when added.</summary>
    Task UpsertAsync(Guid userId, CartLine line, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(Guid userId, Guid productId, CancellationToken cancellationToken);

    Task ClearAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Removes each line whose quantity equals the ordered one: lines changed since the checkout read stay.</summary>
    Task RemoveOrderedAsync(Guid userId, IReadOnlyList<(Guid ProductId, int Quantity)> ordered, CancellationToken cancellationToken);
}
