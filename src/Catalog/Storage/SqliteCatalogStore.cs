using System.Globalization;
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

    public Task<Category?> FindCategoryAsync(string slug, CancellationToken cancellationToken) =>
        database.ReadAsync("categories.find", (session, ct) =>
            session.Command("SELECT id, slug, name FROM categories WHERE slug = $slug").With("$slug", slug).FirstOrDefaultAsync(ReadCategory, ct), cancellationToken).AsTask();

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

    public Task<Page<Product>> ListAsync(ProductListQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync("products.list", async (session, ct) =>
        {
            var (keyColumn, descending) = query.SortOrder switch
            {
                ProductSort.Price => ("price_cents", false),
                ProductSort.PriceDescending => ("price_cents", true),
                ProductSort.Name => ("name_lower", false),
                _ => ("created_at", true),
            };
            var sql = new StringBuilder($"SELECT {SqliteProductRows.Columns}, {keyColumn} FROM products WHERE 1 = 1");
            if (query.Category is not null) sql.Append(" AND category = $category");
            if (query.Q is { Length: > 0 }) sql.Append(" AND name_lower LIKE $q ESCAPE '\\'");
            if (query.MinPrice is not null) sql.Append(" AND price_cents >= $min");
            if (query.MaxPrice is not null) sql.Append(" AND price_cents <= $max");
            if (query.InStock == true) sql.Append(" AND stock > 0");
            if (query.Cursor is not null) sql.Append($" AND ({keyColumn}, id) {(descending ? "<" : ">")} ($key, $after)");
            var direction = descending ? "DESC" : "ASC";
            sql.Append($" ORDER BY {keyColumn} {direction}, id {direction} LIMIT $limit");

            var command = session.Command(sql.ToString()).With("$limit", query.Size + 1);
            if (query.Category is not null) command.With("$category", query.Category);
            if (query.Q is { Length: > 0 } q) command.With("$q", "%" + EscapeLike(q.ToLowerInvariant()) + "%");
            if (query.MinPrice is { } min) command.With("$min", (long)Math.Ceiling(min * 100));
            if (query.MaxPrice is { } max) command.With("$max", (long)Math.Floor(max * 100));
            if (query.Cursor is not null)
            {
                var position = Cursor.Decode(query.Cursor, query.CursorKind);
                var split = position.LastIndexOf('|');
                if (split < 0 || !Guid.TryParse(position.AsSpan(split + 1), out var after)) throw new InvalidCursorException();
                var key = position[..split];
                command.With("$after", after).With("$key", keyColumn == "name_lower" ? key : long.Parse(key, CultureInfo.InvariantCulture));
            }
            var rows = await command.ListAsync(row => (Product: SqliteProductRows.Read(row), Key: Convert.ToString(row.GetValue(11), CultureInfo.InvariantCulture)!), ct);
            var next = rows.Count > query.Size ? Cursor.Encode(query.CursorKind, $"{rows[query.Size - 1].Key}|{rows[query.Size - 1].Product.Id}") : null;
            return new Page<Product>(rows.Take(query.Size).Select(r => r.Product).ToList(), next);
        }, cancellationToken).AsTask();

    public Task<SaveProductResult> AddAsync(Product product, CancellationToken cancellationToken) =>
        database.WriteAsync("products.add", (session, _) =>
        {
            if (SkuTaken(session, product)) return ValueTask.FromResult(SaveProductResult.SkuTaken);
            session.Command(SqliteProductRows.Insert).WithProduct(product).ExecuteNonQuery();
            return ValueTask.FromResult(SaveProductResult.Saved);
        }, cancellationToken).AsTask();

    public Task<SaveProductResult> UpdateAsync(Product product, CancellationToken cancellationToken) =>
        database.WriteAsync("products.update", (session, _) =>
        {
            if (SkuTaken(session, product)) return ValueTask.FromResult(SaveProductResult.SkuTaken);
            var updated = session.Command("""
                    UPDATE products SET sku = $sku, name = $name, name_lower = $name_lower, description = $description,
                        category = $category, price_cents = $price, currency = $currency, stock = $stock, image_url = $image, updated_at = $updated
                    WHERE id = $id
                    """).WithProduct(product).ExecuteNonQuery() == 1;
            return ValueTask.FromResult(updated ? SaveProductResult.Saved : SaveProductResult.NotFound);
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

    private static bool SkuTaken(SqliteSession session, Product product) =>
        session.Command("SELECT 1 FROM products WHERE sku = $sku AND id <> $id").With("$sku", product.Sku).With("$id", product.Id).ExecuteScalar() is not null;

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static Category ReadCategory(SqliteDataReader row) => new(row.GetGuid(0), row.GetString(1), row.GetString(2));
}
