using System.Text;
using Microsoft.Data.Sqlite;
using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.Catalog.Storage;

public sealed class SqliteCatalogStore(SqliteDatabase database) : ICatalogStore
{
    public Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Category>>("categories.list", async (session, ct) =>
            await session.Command("SELECT id, slug, name FROM categories ORDER BY slug").ListAsync(ReadCategory, ct), cancellationToken).AsTask();

    public Task<bool> TryAddCategoryAsync(Category category, CancellationToken cancellationToken) =>
        database.WriteAsync("categories.add", (session, _) => ValueTask.FromResult(
            session.Command("INSERT INTO categories (id, slug, name) VALUES ($id, $slug, $name) ON CONFLICT (slug) DO NOTHING")
                .With("$id", category.Id).With("$slug", category.Slug).With("$name", category.Name).ExecuteNonQuery() == 1), cancellationToken).AsTask();

    public Task<Category?> RenameCategoryAsync(string slug, string name, CancellationToken cancellationToken) =>
        database.WriteAsync("categories.rename", (session, ct) =>
            session.Command("UPDATE categories SET name = $name WHERE slug = $slug RETURNING id, slug, name")
                .With("$slug", slug).With("$name", name).FirstOrDefaultAsync(ReadCategory, ct), cancellationToken).AsTask();

    public Task<DeleteCategoryResult> DeleteCategoryAsync(string slug, CancellationToken cancellationToken) =>
        database.WriteAsync("categories.delete", (session, _) =>
        {
            // One row of the category's partition is enough to know it is not empty.
            if (session.Command("SELECT 1 FROM products WHERE category = $slug LIMIT 1").With("$slug", slug).ExecuteScalar() is not null)
                return ValueTask.FromResult(DeleteCategoryResult.NotEmpty);
            var deleted = session.Command("DELETE FROM categories WHERE slug = $slug").With("$slug", slug).ExecuteNonQuery() == 1;
            return ValueTask.FromResult(deleted ? DeleteCategoryResult.Deleted : DeleteCategoryResult.NotFound);
        }, cancellationToken).AsTask();

    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync("products.find", (session, ct) =>
            session.Command($"SELECT {SqliteProductRows.Columns} FROM products WHERE id = $id").With("$id", id)
                .FirstOrDefaultAsync(SqliteProductRows.Read, ct), cancellationToken).AsTask();

    public Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Product>>("products.find_many", async (session, ct) =>
        {
            // One statement per id count (prepared and cached per connection), not one query per product.
            var parameters = string.Join(", ", ids.Select((_, i) => "$p" + i));
            var command = session.Command($"SELECT {SqliteProductRows.Columns} FROM products WHERE id IN ({parameters})");
            var index = 0;
            foreach (var id in ids) command.With("$p" + index++, id);
            return await command.ListAsync(SqliteProductRows.Read, ct);
        }, cancellationToken).AsTask();

    public Task<Page<Product>> ListByCategoryAsync(string category, ProductListing listing, CancellationToken cancellationToken) =>
        ListAsync(category, listing, cancellationToken);

    public Task<Page<Product>> ListAllAsync(ProductListing listing, CancellationToken cancellationToken) =>
        ListAsync(null, listing, cancellationToken);

    private Task<Page<Product>> ListAsync(string? category, ProductListing listing, CancellationToken cancellationToken)
    {
        var (keyColumn, descending) = SqliteProductKeyset.For(listing.Sort);
        var kind = listing.CursorKind(category);
        // Decoded before the database is touched: a foreign cursor is the client's error, not a failed query.
        var after = listing.Cursor is null ? default((object Key, Guid After)?) : SqliteProductKeyset.Decode(listing.Cursor, kind, listing.Sort);
        var filter = listing.Filter;

        var sql = new StringBuilder($"SELECT {SqliteProductRows.Columns}, {keyColumn} FROM products WHERE 1 = 1");
        if (category is not null) sql.Append(" AND category = $category");
        if (filter.Search is not null) sql.Append(" AND name_lower LIKE $search ESCAPE '\\'");
        if (filter.MinPriceCents is not null) sql.Append(" AND price_cents >= $min");
        if (filter.MaxPriceCents is not null) sql.Append(" AND price_cents <= $max");
        if (filter.InStockOnly) sql.Append(" AND stock > 0");
        if (after is not null) sql.Append($" AND ({keyColumn}, id) {(descending ? "<" : ">")} ($key, $after)");
        var direction = descending ? "DESC" : "ASC";
        sql.Append($" ORDER BY {keyColumn} {direction}, id {direction} LIMIT $limit");

        return database.ReadAsync("products.list", async (session, ct) =>
        {
            var command = session.Command(sql.ToString()).With("$limit", listing.Size + 1);
            if (category is not null) command.With("$category", category);
            if (filter.Search is { } search) command.With("$search", "%" + EscapeLike(search) + "%");
            if (filter.MinPriceCents is { } min) command.With("$min", min);
            if (filter.MaxPriceCents is { } max) command.With("$max", max);
            if (after is { } position) command.With("$key", position.Key).With("$after", position.After);

            var rows = await command.ListAsync(row => (Product: SqliteProductRows.Read(row), Key: row.GetValue(SqliteProductRows.ColumnCount)), ct);
            if (rows.Count <= listing.Size) return new Page<Product>(rows.ConvertAll(r => r.Product), null);
            var last = rows[listing.Size - 1];
            return new Page<Product>(rows.GetRange(0, listing.Size).ConvertAll(r => r.Product), SqliteProductKeyset.Encode(kind, last.Key, last.Product.Id));
        }, cancellationToken).AsTask();
    }

    public Task<SaveProductOutcome> AddAsync(Product product, CancellationToken cancellationToken) =>
        database.WriteAsync("products.add", (session, _) =>
        {
            if (Refusal(session, product) is { } refused) return ValueTask.FromResult(refused);
            session.Command(SqliteProductRows.Insert).WithProduct(product).ExecuteNonQuery();
            return ValueTask.FromResult<SaveProductOutcome>(new SaveProductOutcome.Saved(product));
        }, cancellationToken).AsTask();

    public Task<SaveProductOutcome> UpdateAsync(Product product, string expectedVersion, CancellationToken cancellationToken) =>
        database.WriteAsync("products.update", async (session, ct) =>
        {
            // Read and written in one transaction: nothing can change the product between the version check and the write.
            var current = await session.Command($"SELECT {SqliteProductRows.Columns} FROM products WHERE id = $id")
                .With("$id", product.Id).FirstOrDefaultAsync(SqliteProductRows.Read, ct);
            if (current is null) return new SaveProductOutcome.NotFound();
            if (ProductVersion.Of(current) != expectedVersion) return new SaveProductOutcome.Stale(current);
            if (Refusal(session, product) is { } refused) return refused;
            session.Command("""
                    UPDATE products SET sku = $sku, name = $name, name_lower = $name_lower, description = $description,
                        category = $category, price_cents = $price, currency = $currency, image_url = $image, updated_at = $updated
                    WHERE id = $id
                    """).WithProduct(product).ExecuteNonQuery();
            return new SaveProductOutcome.Saved(product with { CreatedAt = current.CreatedAt, Stock = current.Stock });
        }, cancellationToken).AsTask();

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        database.WriteAsync("products.delete", (session, _) => ValueTask.FromResult(
            session.Command("DELETE FROM products WHERE id = $id").With("$id", id).ExecuteNonQuery() == 1), cancellationToken).AsTask();

    public Task AddManyAsync(IReadOnlyList<Product> products, CancellationToken cancellationToken) =>
        database.WriteAsync("products.add_many", (session, _) =>
        {
            foreach (var product in products) session.Command(SqliteProductRows.Insert).WithProduct(product).ExecuteNonQuery();
            return ValueTask.FromResult(true);
        }, cancellationToken).AsTask();

    /// <summary>Checked inside the write transaction, so a concurrent save or category delete cannot slip in between.</summary>
    private static SaveProductOutcome? Refusal(SqliteSession session, Product product)
    {
        if (session.Command("SELECT 1 FROM categories WHERE slug = $slug").With("$slug", product.Category).ExecuteScalar() is null)
            return new SaveProductOutcome.UnknownCategory();
        if (session.Command("SELECT 1 FROM products WHERE sku = $sku AND id <> $id").With("$sku", product.Sku).With("$id", product.Id).ExecuteScalar() is not null)
            return new SaveProductOutcome.SkuTaken();
        return null;
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static Category ReadCategory(SqliteDataReader row) => new(row.GetGuid(0), row.GetString(1), row.GetString(2));
}
