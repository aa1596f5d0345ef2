using Cassandra;

namespace ProductStore.Storage.Cassandra;

/// <summary>Pages of a query with Cassandra's own paging state as the API's cursor.</summary>
public static class CassandraPaging
{
    /// <summary>
    /// One page of <paramref name="statement"/>'s rows. The cursor carries the paging state, tied to
    /// <paramref name="kind"/> so a cursor from another listing is refused before it reaches Cassandra.
    /// </summary>
    public static async Task<Page<T>> PageAsync<T>(this CassandraDatabase database, string operation, IStatement statement,
        string kind, string? cursor, int limit, Func<Row, T> map)
    {
        statement.SetPageSize(limit).SetAutoPage(false);
        if (cursor is not null) statement.SetPagingState(PagingStateOf(cursor, kind));
        RowSet rows;
        try
        {
            rows = await database.ExecuteAsync(operation, statement).ConfigureAwait(false);
        }
        catch (Exception e) when (cursor is not null && e is InvalidQueryException or ProtocolErrorException or ServerErrorException)
        {
            // A paging state that decodes but that Cassandra cannot continue: forged or from an older schema.
            throw new InvalidCursorException();
        }
        var items = new List<T>(limit);
        foreach (var row in rows) items.Add(map(row));
        var next = rows.PagingState is { Length: > 0 } state ? Cursor.Encode(kind, Convert.ToBase64String(state)) : null;
        return new Page<T>(items, next);
    }

    private static byte[] PagingStateOf(string cursor, string kind)
    {
        try
        {
            return Convert.FromBase64String(Cursor.Decode(cursor, kind));
        }
        catch (FormatException)
        {
            throw new InvalidCursorException();
        }
    }
}
