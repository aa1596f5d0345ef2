using Microsoft.Data.Sqlite;

namespace ProductStore.Backup;

public static class SqliteIntegrity
{
    /// <summary>Throws unless <c>PRAGMA integrity_check</c> answers ok.</summary>
    public static void Check(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        if (result != "ok") throw new BackupException($"{database} fails PRAGMA integrity_check: {result}");
    }
}
