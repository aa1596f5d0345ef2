using Cassandra;
using ProductStore.Catalog.Domain;
using ProductStore.Storage;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// The listing tables: a product's copy on its category's shelf and on the all-products shelf, in each sort order.
/// A copy is current while the product's row has the copy's shelf and sort key; copies left behind by an update
/// or a delete that stopped half-way are skipped by the listing for that reason.
/// </summary>
public static class CassandraShelves
{
    public const string AllProducts = "*";

    /// <summary>One listing table: its name and clustering key column, named as <see cref="SqliteProductKeyset"/> names them.</summary>
    public sealed record Table(string Name, string KeyColumn);

    public static readonly Table Newest = new("products_by_newest", "created_at");
    public static readonly Table Price = new("products_by_price", "price_cents");
    public static readonly Table Name = new("products_by_name", "name_lower");
    public static readonly IReadOnlyList<Table> Tables = [Newest, Price, Name];

    /// <summary>The table of a sort: the one keyed by the column the keyset names, so there is one sort mapping.</summary>
    public static Table For(ProductSort sort)
    {
        var column = SqliteProductKeyset.For(sort).Column;
        return Tables.Single(table => table.KeyColumn == column);
    }

    /// <summary>The product's key in a table, as the keyset cursor carries it: milliseconds, cents or lower-case name.</summary>
    public static object KeyOf(Table table, Product product) =>
        table == Price ? StoredMoney.ToCents(product.Price)
        : table == Name ? product.Name.ToLowerInvariant()
        : product.CreatedAt.ToUnixTimeMilliseconds();

    /// <summary>The key as Cassandra binds it (a timestamp for newest).</summary>
    public static object Bindable(Table table, object key) =>
        table == Newest ? DateTimeOffset.FromUnixTimeMilliseconds((long)key) : key;

    public static object KeyOf(Table table, Row row) =>
        table == Newest ? row.GetValue<DateTimeOffset>("created_at").ToUnixTimeMilliseconds() : row.GetValue<object>(table.KeyColumn);

    public static IEnumerable<string> ShelvesOf(Product product) => [product.Category, AllProducts];

    /// <summary>Whether <paramref name="product"/> has this copy: a copy that does not is left over and not listed.</summary>
    public static bool IsCurrent(Table table, string shelf, object key, Product product) =>
        (shelf == AllProducts || shelf == product.Category) && KeyOf(table, product).Equals(key);

    /// <summary>Writes the product's six copies (upserts: the copies it already has are rewritten in place).</summary>
    public static IEnumerable<Task<BoundStatement>> Writes(CassandraDatabase database, Product product) =>
        from table in Tables
        from shelf in ShelvesOf(product)
        select Write(database, table, shelf, product);

    public static Task<BoundStatement> Write(CassandraDatabase database, Table table, string shelf, Product product) =>
        database.BindAsync($"INSERT INTO {table.Name} (shelf, id, created_at, price_cents, name_lower) VALUES (?, ?, ?, ?, ?)",
            shelf, product.Id, product.CreatedAt, StoredMoney.ToCents(product.Price), product.Name.ToLowerInvariant());

    /// <summary>Deletes the copies <paramref name="old"/> had and <paramref name="kept"/> (its new version, if any) no longer has.</summary>
    public static IEnumerable<Task<BoundStatement>> Removals(CassandraDatabase database, Product old, Product? kept = null) =>
        from table in Tables
        from shelf in ShelvesOf(old)
        where kept is null || !IsCurrent(table, shelf, KeyOf(table, old), kept)
        select database.BindAsync($"DELETE FROM {table.Name} WHERE shelf = ? AND {table.KeyColumn} = ? AND id = ?",
            shelf, Bindable(table, KeyOf(table, old)), old.Id);
}
