using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog.Storage;

public enum DeleteCategoryResult { Deleted, NotFound, NotEmpty }

/// <summary>
/// Categories and products, shaped for Cassandra's query-first model: the category list, a category by slug,
/// a product by id (and a batch of ids), products of one category (one partition per category and sort) or of
/// all categories, and SKU uniqueness through a lookup by SKU inside the save. Listings are keyset ranges that
/// a paging state can continue as well.
/// </summary>
public interface ICatalogStore
{
    Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken);

    Task<bool> TryAddCategoryAsync(Category category, CancellationToken cancellationToken);

    Task<Category?> RenameCategoryAsync(string slug, string name, CancellationToken cancellationToken);

    Task<DeleteCategoryResult> DeleteCategoryAsync(string slug, CancellationToken cancellationToken);

    Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<Page<Product>> ListByCategoryAsync(string category, ProductListing listing, CancellationToken cancellationToken);

    Task<Page<Product>> ListAllAsync(ProductListing listing, CancellationToken cancellationToken);

    /// <summary>Adds a product whose SKU no other product has, in a category that exists.</summary>
    Task<SaveProductOutcome> AddAsync(Product product, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a product's fields but its creation time and its stock, under the same rules as <see cref="AddAsync"/>,
    /// if the product is still at <paramref name="expectedVersion"/> (<see cref="ProductVersion"/>); otherwise Stale.
    /// </summary>
    Task<SaveProductOutcome> UpdateAsync(Product product, string expectedVersion, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Bulk load for seeding: one transaction per call.</summary>
    Task AddManyAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken);
}

/// <summary>Stock reservations by order id: all items or none, idempotent both ways.</summary>
public interface IStockStore
{
    Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<ReservationItemRequest> items, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReleaseAsync(Guid orderId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="change"/> (negative to take) to a product's stock, atomically; refused outside 0..MaxStock.</summary>
    Task<StockAdjustmentOutcome> AdjustAsync(Guid productId, int change, CancellationToken cancellationToken);
}
