using Cassandra;

namespace ProductStore.Catalog.Storage.Cassandra;

/// <summary>Values of the row a refused lightweight transaction returns, which lacks the columns when there is no row.</summary>
internal static class CassandraRefusals
{
    public static int? IntOrNull(this Row row, string column) => row.GetColumn(column) is not null && !row.IsNull(column) ? row.GetValue<int>(column) : null;

    public static string? TextOrNull(this Row row, string column) => row.GetColumn(column) is not null ? row.GetValue<string>(column) : null;
}
