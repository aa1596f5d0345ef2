using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog.Storage;

public enum DeleteCategoryResult { Deleted, NotFound, NotEmpty }

public enum SaveProductResult { Saved, NotFound, SkuTaken }

/// <summary>
/// Categories and products, shaped for Cassandra: product by id, products by category (one partition each) or
/// across all, a category by slug; every listing is a keyset range that a paging state can also continue.
/// </summary>
public interface ICatalogStore
{
    Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken);

    Task<Category?> FindCategoryAsync(string slug, CancellationToken cancellationToken);

    Task<bool> TryAddCategoryAsync(Category category, CancellationToken cancellationToken);

    Task<Category?> RenameCategoryAsync(string slug, string name, CancellationToken cancellationToken);

    Task<DeleteCategoryResult> DeleteCategoryAsync(string slug, CancellationToken cancellationToken);

    Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<Page<Product>> ListAsync(ProductListQuery query, CancellationToken cancellationToken);

    Task<SaveProductResult> AddAsync(Product product, CancellationToken cancellationToken);

    Task<SaveProductResult> UpdateAsync(Product product, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Bulk load for seeding: one transaction per call.</summary>
    Task AddManyAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken);
}

/// <summary>Stock reservations by order id: all items or none, idempotent both ways.</summary>
public interface IStockStore
{
    Task<ReservationOutcome> ReserveAsync(Guid orderId, IReadOnlyList<ReservationItemRequest> items, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken);
}
