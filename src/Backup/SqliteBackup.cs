using System.Globalization;
using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Files;

namespace ProductStore.Backup;

public sealed record BackupResult(string Folder, IReadOnlyList<string> Databases);

/// <summary>
/// A consistent copy of each <c>*.sqlite</c> in the data folder, taken while the services run: SQLite's online backup API
/// reads one snapshot of the database (WAL lets the service keep writing meanwhile). A file copy could tear a page
/// or miss what is still in the -wal file.
/// </summary>
public static class SqliteBackup
{
    public static async Task<BackupResult> BackUpAsync(string dataFolder, string backupsFolder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sources = Directory.Exists(dataFolder) ? Directory.GetFiles(dataFolder, "*.sqlite").Order(StringComparer.Ordinal).ToList() : [];
        if (sources.Count == 0) throw new BackupException($"No *.sqlite files in {Path.GetFullPath(dataFolder)}: nothing to back up.");

        var folder = Path.Combine(Path.GetFullPath(backupsFolder), now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (Directory.Exists(folder)) throw new BackupException($"{folder} exists already: one backup per second at most.");
        PrivateFiles.CreateFolder(backupsFolder);
        // Written under a temporary name and renamed at the end: a timestamped folder is always a complete backup.
        var partial = PrivateFiles.CreateFolder(folder + ".partial");
        foreach (var source in sources)
        {
            await CopyAsync(source, Path.Combine(partial, Path.GetFileName(source)), cancellationToken);
        }
        Directory.Move(partial, folder);
        return new BackupResult(folder, sources.Select(Path.GetFileNameWithoutExtension).ToList()!);
    }

    private static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateEmptyFile(destination);
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            // A checkpoint of the service's may hold the file for a moment: wait for it rather than fail.
            await ExecuteAsync(from, "PRAGMA busy_timeout = 10000;", cancellationToken);
            from.BackupDatabase(to);
            // The copy stands alone: one file, no -wal beside it.
            await ExecuteAsync(to, "PRAGMA journal_mode = DELETE;", cancellationToken);
        }
        SqliteIntegrity.Check(destination);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
