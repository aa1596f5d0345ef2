using System.Globalization;
using ProductStore.Catalog.Domain;
using ProductStore.Storage;

namespace ProductStore.Catalog.Storage;

/// <summary>
/// Keyset paging for the SQLite product listings: each sort orders by (its key column, id), served by an index,
/// and a cursor holds the last row's (key, id) to continue strictly after it. The Cassandra listings share it (their
/// clustering columns bear the same names), so a cursor means the same on either store.
/// </summary>
internal static class SqliteProductKeyset
{
    public static (string Column, bool Descending) For(ProductSort sort) => sort switch
    {
        ProductSort.Price => ("price_cents", false),
        ProductSort.PriceDescending => ("price_cents", true),
        ProductSort.Name => ("name_lower", false),
        _ => ("created_at", true),
    };

    public static string Encode(string kind, object key, Guid id) =>
        Cursor.Encode(kind, $"{Convert.ToString(key, CultureInfo.InvariantCulture)}|{id}");

    /// <summary>The (key, id) after which the next page starts; <see cref="InvalidCursorException"/> for anything this listing did not issue.</summary>
    public static (object Key, Guid After) Decode(string cursor, string kind, ProductSort sort)
    {
        var position = Cursor.Decode(cursor, kind);
        // The id is last and has no '|'; a name key may contain one.
        var split = position.LastIndexOf('|');
        if (split < 0 || !Guid.TryParse(position.AsSpan(split + 1), out var after)) throw new InvalidCursorException();
        var key = position[..split];
        if (sort == ProductSort.Name) return (key, after);
        return long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? (number, after) : throw new InvalidCursorException();
    }
}
