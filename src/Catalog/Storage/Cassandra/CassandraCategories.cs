using Cassandra;
using ProductStore.Catalog.Domain;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>All categories in one partition, clustered by slug: the list is one read, and a slug one row of it.</summary>
public sealed class CassandraCategories(CassandraDatabase database)
{
    private const string Directory = "catalog";
    /// <summary>Bounds the list's read; a shop's categories stay far below it.</summary>
    private const int MaxCategories = 1000;

    public async Task<IReadOnlyList<Category>> ListAsync() =>
        (await database.ExecuteAsync("categories.list", "SELECT id, slug, name FROM categories WHERE directory = ? LIMIT ?", Directory, MaxCategories))
            .Select(Read).ToList();

    public async Task<Category?> FindAsync(string slug) =>
        await database.SingleAsync("categories.find", "SELECT id, slug, name FROM categories WHERE directory = ? AND slug = ?", Directory, slug) is { } row
            ? Read(row) : null;

    public async Task<bool> TryAddAsync(Category category) =>
        (await database.ExecuteConditionalAsync("categories.add",
            "INSERT INTO categories (directory, slug, id, name) VALUES (?, ?, ?, ?) IF NOT EXISTS", Directory, category.Slug, category.Id, category.Name)).Applied;

    public async Task<Category?> RenameAsync(string slug, string name)
    {
        while (await FindAsync(slug) is { } category)
        {
            // The id never changes: the condition holds while this very category is there.
            var (renamed, _) = await database.ExecuteConditionalAsync("categories.rename",
                "UPDATE categories SET name = ? WHERE directory = ? AND slug = ? IF id = ?", name, Directory, slug, category.Id);
            if (renamed) return category with { Name = name };
        }
        return null;
    }

    public async Task<bool> DeleteAsync(string slug) =>
        (await database.ExecuteConditionalAsync("categories.delete", "DELETE FROM categories WHERE directory = ? AND slug = ? IF EXISTS", Directory, slug)).Applied;

    private static Category Read(Row row) => new(row.GetValue<Guid>("id"), row.GetValue<string>("slug"), row.GetValue<string>("name"));
}
