using Cassandra;
using ProductStore.Catalog.Domain;
using ProductStore.Storage;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>The products table, the truth every listing copy is checked against: rows by id, one or a batch at a time.</summary>
public sealed class CassandraProducts(CassandraDatabase database)
{
    /// <summary>Ids per IN query: a coordinator gathers that many partitions at most.</summary>
    private const int IdsPerQuery = 100;

    private const string Columns = "id, sku, name, description, category, price_cents, currency, stock, image_url, created_at, updated_at";

    public const string Insert = $"INSERT INTO products ({Columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public static object[] InsertValues(Product p) =>
        [p.Id, p.Sku, p.Name, p.Description, p.Category, StoredMoney.ToCents(p.Price), p.Currency, p.Stock, p.ImageUrl, p.CreatedAt, p.UpdatedAt];

    public async Task<Product?> FindAsync(Guid id) =>
        await database.SingleAsync("products.find", $"SELECT {Columns} FROM products WHERE id = ?", id) is { } row ? Read(row) : null;

    /// <summary>The products among <paramref name="ids"/> that exist, by id: one IN query per hundred ids, run together.</summary>
    public async Task<Dictionary<Guid, Product>> FindManyAsync(IEnumerable<Guid> ids)
    {
        var queries = ids.Distinct().Chunk(IdsPerQuery).Select(chunk =>
            database.ExecuteAsync("products.find_many", $"SELECT {Columns} FROM products WHERE id IN ?", chunk.ToList()));
        var found = new Dictionary<Guid, Product>();
        foreach (var rows in await Task.WhenAll(queries))
        {
            foreach (var row in rows) found[row.GetValue<Guid>("id")] = Read(row);
        }
        return found;
    }

    private static Product Read(Row row) => new(
        row.GetValue<Guid>("id"), row.GetValue<string>("sku"), row.GetValue<string>("name"), row.GetValue<string>("description"),
        row.GetValue<string>("category"), StoredMoney.FromCents(row.GetValue<long>("price_cents")), row.GetValue<string>("currency"),
        row.GetValue<int>("stock"), row.GetValue<string>("image_url"), row.GetValue<DateTimeOffset>("created_at"), row.GetValue<DateTimeOffset>("updated_at"));
}
