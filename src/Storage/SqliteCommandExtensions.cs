using Microsoft.Data.Sqlite;

namespace ProductStore.Storage;

/// <summary>Terse binding and execution for the stores' prepared commands.</summary>
public static class SqliteCommandExtensions
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static T? FirstOrDefault<T>(this SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? map(reader) : default;
    }

    public static List<T> List<T>(this SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        var items = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) items.Add(map(reader));
        return items;
    }

    public static DateTimeOffset GetTimestamp(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Timestamps are stored as Unix milliseconds: compact, and they sort as numbers.</summary>
    public static long ToStored(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();
}
