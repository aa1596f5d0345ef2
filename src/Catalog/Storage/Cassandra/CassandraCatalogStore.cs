using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// Products in their own table (the truth) with copies on shelves for the listings, written together in logged
/// batches. Cassandra has no transaction across partitions, so saves are ordered to be safe when they stop half-way:
/// the SKU is claimed first, a product's new shelf copies are written before its row changes and its old ones
/// deleted after, and the listings skip copies the product's row does not confirm.
/// </summary>
public sealed class CassandraCatalogStore(CassandraDatabase database, CassandraCategories categories, CassandraProducts products,
    CassandraProductListing listings, CassandraSkuClaims skus, CassandraProductLoader loader) : ICatalogStore
{
    public Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken) => categories.ListAsync();

    public Task<bool> TryAddCategoryAsync(Category category, CancellationToken cancellationToken) => categories.TryAddAsync(category);

    public Task<Category?> RenameCategoryAsync(string slug, string name, CancellationToken cancellationToken) => categories.RenameAsync(slug, name);

    public async Task<DeleteCategoryResult> DeleteCategoryAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await IsEmptyAsync(slug)) return DeleteCategoryResult.NotEmpty;
        if (await categories.FindAsync(slug) is not { } category || !await categories.DeleteAsync(slug)) return DeleteCategoryResult.NotFound;
        // A product added meanwhile found the category there: put it back (the add checks again after writing, see AddAsync).
        if (await IsEmptyAsync(slug)) return DeleteCategoryResult.Deleted;
        await categories.TryAddAsync(category);
        return DeleteCategoryResult.NotEmpty;
    }

    /// <summary>Empty when the category's listing has nothing, not even a next page (left-over copies alone count as empty).</summary>
    private async Task<bool> IsEmptyAsync(string slug)
    {
        var firstPage = new ProductListing(ProductSort.Newest, new ProductFilter(null, null, null, false), null, 1);
        var page = await listings.ListAsync(slug, firstPage.CursorKind(slug), firstPage);
        return page.Items.Count == 0 && page.NextCursor is null;
    }

    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken) => products.FindAsync(id);

    public async Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await products.FindManyAsync(ids)).Values.ToList();

    public Task<Page<Product>> ListByCategoryAsync(string category, ProductListing listing, CancellationToken cancellationToken) =>
        listings.ListAsync(category, listing.CursorKind(category), listing);

    public Task<Page<Product>> ListAllAsync(ProductListing listing, CancellationToken cancellationToken) =>
        listings.ListAsync(CassandraShelves.AllProducts, listing.CursorKind(null), listing);

    public async Task<SaveProductOutcome> AddAsync(Product product, CancellationToken cancellationToken)
    {
        if (await categories.FindAsync(product.Category) is null) return new SaveProductOutcome.UnknownCategory();
        if (!await skus.TryClaimAsync(product.Sku, product.Id)) return new SaveProductOutcome.SkuTaken();
        await database.ExecuteBatchAsync("products.add",
            [database.BindAsync(CassandraProducts.Insert, CassandraProducts.InsertValues(product)), .. CassandraShelves.Writes(database, product)]);
        if (await categories.FindAsync(product.Category) is not null) return new SaveProductOutcome.Saved(product);
        // The category was deleted while the product was written: take it back rather than leave it without one.
        await RemoveAsync(product);
        return new SaveProductOutcome.UnknownCategory();
    }

    public async Task<SaveProductOutcome> UpdateAsync(Product product, string expectedVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await products.FindAsync(product.Id) is not { } current) return new SaveProductOutcome.NotFound();
            if (ProductVersion.Of(current) != expectedVersion) return new SaveProductOutcome.Stale(current);
            if (await categories.FindAsync(product.Category) is null) return new SaveProductOutcome.UnknownCategory();
            if (product.Sku != current.Sku && !await skus.TryClaimAsync(product.Sku, product.Id)) return new SaveProductOutcome.SkuTaken();
            var updated = product with { CreatedAt = current.CreatedAt, Stock = current.Stock };
            await database.ExecuteBatchAsync("products.update", CassandraShelves.Writes(database, updated));
            // Applied only to the version read (every field its ETag covers), never touching stock, which sales change by their
            // own compare-and-set on the same row: a sale between the read and this write neither refuses the edit nor is undone.
            var (applied, _) = await database.ExecuteConditionalAsync("products.update", """
                UPDATE products SET sku = ?, name = ?, description = ?, category = ?, price_cents = ?, currency = ?, image_url = ?, updated_at = ?
                WHERE id = ? IF sku = ? AND name = ? AND description = ? AND category = ? AND price_cents = ? AND currency = ? AND image_url = ? AND updated_at = ?
                """,
                updated.Sku, updated.Name, updated.Description, updated.Category, StoredMoney.ToCents(updated.Price), updated.Currency,
                updated.ImageUrl, updated.UpdatedAt, updated.Id, current.Sku, current.Name, current.Description, current.Category,
                StoredMoney.ToCents(current.Price), current.Currency, current.ImageUrl, current.UpdatedAt);
            // Refused: another edit or a delete came first; the next round answers Stale or NotFound.
            if (!applied) continue;
            await Task.WhenAll(
                RemoveCopiesAsync("products.update", current, kept: updated),
                current.Sku == updated.Sku ? Task.CompletedTask : skus.ReleaseAsync(current.Sku, current.Id));
            return new SaveProductOutcome.Saved(await products.FindAsync(product.Id) ?? updated);
        }
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await products.FindAsync(id) is not { } current) return false;
        if (!(await database.ExecuteConditionalAsync("products.delete", "DELETE FROM products WHERE id = ? IF EXISTS", id)).Applied) return false;
        await Task.WhenAll(RemoveCopiesAsync("products.delete", current), skus.ReleaseAsync(current.Sku, id));
        return true;
    }

    public Task AddManyAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken) => loader.AddManyAsync(products, cancellationToken);

    private async Task RemoveAsync(Product product)
    {
        await database.ExecuteBatchAsync("products.remove",
            [database.BindAsync("DELETE FROM products WHERE id = ?", product.Id), .. CassandraShelves.Removals(database, product)]);
        await skus.ReleaseAsync(product.Sku, product.Id);
    }

    private Task RemoveCopiesAsync(string operation, Product old, Product? kept = null) =>
        CassandraShelves.Removals(database, old, kept).ToList() is { Count: > 0 } removals ? database.ExecuteBatchAsync(operation, removals) : Task.CompletedTask;
}
