using ProductStore.Orders.Domain;
using ProductStore.Storage;

namespace ProductStore.Orders.Storage;

/// <summary>
/// Orders, read the ways Orders needs them: by id; a user's, newest first; by status (admins); and those due to
/// move on (the progress worker). Each is one partition or key in Cassandra's terms.
/// </summary>
public interface IOrderStore
{
    Task<Order?> FindAsync(Guid orderId, CancellationToken cancellationToken);

    Task<Page<Order>> ListByUserAsync(Guid userId, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>All orders, newest first, or only those in <paramref name="status"/>.</summary>
    Task<Page<Order>> ListAsync(OrderStatus? status, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a changed order if its status is still <paramref name="expected"/>; false if someone moved it first.</summary>
    Task<bool> TryUpdateAsync(Order order, OrderStatus expected, CancellationToken cancellationToken);

    /// <summary>Orders in <paramref name="status"/> whose next step is due at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<Order>> FindDueAsync(OrderStatus status, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>When the longest-waiting order in <paramref name="status"/> became due, if any is due.</summary>
    Task<DateTimeOffset?> OldestDueAsync(OrderStatus status, CancellationToken cancellationToken);

    /// <summary>Cancelled orders whose stock has not yet been returned to Catalog.</summary>
    Task<IReadOnlyList<Order>> FindStockReleasePendingAsync(int limit, CancellationToken cancellationToken);

    Task MarkStockReleasedAsync(Guid orderId, CancellationToken cancellationToken);
}
