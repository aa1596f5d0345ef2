using Microsoft.Data.Sqlite;

namespace ProductStore.Storage;

/// <summary>
/// One open SQLite connection and the prepared commands it has run: each SQL text is prepared once per
/// connection and reused. A session is used by one caller at a time (see <see cref="SqliteDatabase"/>).
/// </summary>
public sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteSession(SqliteConnection connection) => Connection = connection;

    internal SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, with its parameters cleared for binding.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }
}
