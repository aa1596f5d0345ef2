using Cassandra;

namespace ProductStore.Storage.Cassandra;

public static class CassandraRows
{
    /// <summary>Whether <paramref name="column"/> holds a value: the row a refused lightweight transaction returns lacks the columns when there is no row.</summary>
    public static bool HasValue(this Row row, string column) => row.GetColumn(column) is not null && !row.IsNull(column);
}
