using System.Text;
using Cassandra;
using ProductStore.Catalog.Domain;
using ProductStore.Storage;
using ProductStore.Storage.Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>
/// A page of one shelf in one sort order, continued by keyset (the last row's key and id; the same cursors as the
/// SQLite store). A price range under a price sort is a clustering slice; every other filter (name search, which
/// Cassandra cannot index, a price range under another sort, in stock only) is applied here to the rows read, in
/// chunks. So that a selective filter cannot make one request read a whole shelf, a request reads at most
/// <see cref="ScanBudget"/> rows: a page can then hold fewer items than asked for, even none, and still have a
/// next cursor, which continues after the last row read; each match still comes exactly once.
/// </summary>
public sealed class CassandraProductListing(CassandraDatabase database, CassandraProducts products)
{
    public const int ScanBudget = 2000;
    private const int FilteredChunk = 250;

    public async Task<Page<Product>> ListAsync(string shelf, string kind, ProductListing listing)
    {
        var table = CassandraShelves.For(listing.Sort);
        var descending = SqliteProductKeyset.For(listing.Sort).Descending;
        // Decoded before the database is touched: a foreign cursor is the client's error, not a failed query.
        (object Key, Guid Id)? after = listing.Cursor is null ? null : SqliteProductKeyset.Decode(listing.Cursor, kind, listing.Sort);
        var filter = listing.Filter;
        var priceSlice = table == CassandraShelves.Price;
        var prunes = filter.Search is not null || filter.InStockOnly || (!priceSlice && (filter.MinPriceCents ?? filter.MaxPriceCents) is not null);
        var chunk = prunes ? Math.Max(FilteredChunk, listing.Size + 1) : listing.Size + 1;

        var matches = new List<(Product Product, object Key)>(listing.Size + 1);
        for (var read = 0; ;)
        {
            var rows = (await ReadChunkAsync(table, descending, shelf, after, priceSlice ? filter : null, chunk)).ToList();
            // The copies' columns prune what is fetched; the products' own rows decide (the copies may be left over).
            var candidates = rows.Where(row => Admits(filter, row.GetValue<string>("name_lower"), row.GetValue<long>("price_cents"))).ToList();
            var found = await products.FindManyAsync(candidates.Select(row => row.GetValue<Guid>("id")));
            foreach (var row in candidates)
            {
                var key = CassandraShelves.KeyOf(table, row);
                if (found.GetValueOrDefault(row.GetValue<Guid>("id")) is not { } product || !CassandraShelves.IsCurrent(table, shelf, key, product)) continue;
                if (!Admits(filter, product.Name.ToLowerInvariant(), StoredMoney.ToCents(product.Price)) || (filter.InStockOnly && product.Stock == 0)) continue;
                matches.Add((product, key));
                if (matches.Count > listing.Size)
                {
                    var last = matches[listing.Size - 1];
                    return new Page<Product>(matches.Take(listing.Size).Select(m => m.Product).ToList(), SqliteProductKeyset.Encode(kind, last.Key, last.Product.Id));
                }
            }
            read += rows.Count;
            if (rows.Count < chunk) return new Page<Product>(matches.ConvertAll(m => m.Product), null);
            var lastRow = rows[^1];
            after = (CassandraShelves.KeyOf(table, lastRow), lastRow.GetValue<Guid>("id"));
            if (read >= ScanBudget) return new Page<Product>(matches.ConvertAll(m => m.Product), SqliteProductKeyset.Encode(kind, after.Value.Key, after.Value.Id));
        }
    }

    private static bool Admits(ProductFilter filter, string nameLower, long priceCents) =>
        (filter.Search is null || nameLower.Contains(filter.Search, StringComparison.Ordinal))
        && !(priceCents < filter.MinPriceCents) && !(priceCents > filter.MaxPriceCents);

    /// <summary>The next rows of the shelf after <paramref name="after"/>, within the price slice when there is one.</summary>
    private Task<RowSet> ReadChunkAsync(CassandraShelves.Table table, bool descending, string shelf, (object Key, Guid Id)? after,
        ProductFilter? priceSlice, int limit)
    {
        var cql = new StringBuilder($"SELECT id, created_at, price_cents, name_lower FROM {table.Name} WHERE shelf = ?");
        var values = new List<object> { shelf };
        // Only multi-column relations: Cassandra 2.1 does not mix them with single-column ones on clustering columns.
        if (after is { } position)
        {
            cql.Append($" AND ({table.KeyColumn}, id) {(descending ? "<" : ">")} (?, ?)");
            values.Add(CassandraShelves.Bindable(table, position.Key));
            values.Add(position.Id);
        }
        // A cursor already bounds the side the listing continues from.
        if (priceSlice?.MinPriceCents is { } min && (after is null || descending))
        {
            cql.Append(" AND (price_cents) >= (?)");
            values.Add(min);
        }
        if (priceSlice?.MaxPriceCents is { } max && (after is null || !descending))
        {
            cql.Append(" AND (price_cents) <= (?)");
            values.Add(max);
        }
        if (descending && table != CassandraShelves.Newest) cql.Append($" ORDER BY {table.KeyColumn} DESC, id DESC");
        cql.Append(" LIMIT ?");
        values.Add(limit);
        return database.ExecuteAsync("products.list", cql.ToString(), values.ToArray());
    }
}
