using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Telemetry;

namespace ProductStore.ServiceDefaults.Storage;

/// <summary>
/// A service's embedded database: one writer connection (SQLite admits one writer at a time, so writes
/// queue here instead of spinning on SQLITE_BUSY) and a small pool of reader connections, which WAL lets
/// read while the writer writes. Every connection keeps its prepared commands.
/// Commits never checkpoint (wal_autocheckpoint = 0): copying the WAL into the file and its fsync would hold the one
/// writer, and every write queued behind it, for as long as the disk takes. A thread of its own checkpoints passively
/// instead, which neither waits for the writer nor blocks it.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(500);

    private readonly SqliteSession _writer;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly Channel<SqliteSession> _readers;
    private readonly List<SqliteSession> _allReaders = [];
    private readonly SqliteSession _checkpoints;
    private readonly ManualResetEventSlim _closing = new();
    private readonly Thread _checkpointer;
    private readonly SqliteFileLock _ownership;

    public SqliteDatabase(string connectionString, int readerCount)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder) Directory.CreateDirectory(folder);
        FilePath = Path.GetFullPath(builder.DataSource);
        // Held for the database's lifetime: a restore refuses to touch the file while it is taken.
        _ownership = SqliteFileLock.AcquireShared(FilePath);

        _writer = Open(builder.ConnectionString, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
        _readers = Channel.CreateBounded<SqliteSession>(readerCount);
        for (var i = 0; i < readerCount; i++)
        {
            var reader = Open(builder.ConnectionString, "PRAGMA query_only = ON;");
            _allReaders.Add(reader);
            _readers.Writer.TryWrite(reader);
        }
        _checkpoints = Open(builder.ConnectionString, "");
        _checkpointer = new Thread(CheckpointUntilClosed) { IsBackground = true, Name = "sqlite-checkpoint" };
        _checkpointer.Start();
    }

    /// <summary>The database file, for logs and operators.</summary>
    public string FilePath { get; }

    public async ValueTask<T> ReadAsync<T>(string operation, Func<SqliteSession, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        using var call = DatabaseTelemetry.Start(DatabaseTelemetry.Sqlite, operation);
        var session = await _readers.Reader.ReadAsync(cancellationToken);
        try
        {
            var result = await read(session, cancellationToken);
            call.Succeeded();
            return result;
        }
        finally
        {
            _readers.Writer.TryWrite(session);
        }
    }

    /// <summary>Runs <paramref name="write"/> in one transaction: all of it is committed, or none.</summary>
    public async ValueTask<T> WriteAsync<T>(string operation, Func<SqliteSession, CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken)
    {
        using var call = DatabaseTelemetry.Start(DatabaseTelemetry.Sqlite, operation);
        await _writeTurn.WaitAsync(cancellationToken);
        try
        {
            _writer.Command("BEGIN IMMEDIATE").ExecuteNonQuery();
            try
            {
                var result = await write(_writer, CancellationToken.None);
                _writer.Command("COMMIT").ExecuteNonQuery();
                call.Succeeded();
                return result;
            }
            catch
            {
                RollBack();
                throw;
            }
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    private void RollBack()
    {
        try
        {
            _writer.Command("ROLLBACK").ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (it does on some errors); the original exception is what matters.
        }
    }

    /// <summary>Applies the migrations this file has not seen yet, tracked in PRAGMA user_version.</summary>
    public async Task MigrateAsync(IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        var applied = Convert.ToInt32(_writer.Command("PRAGMA user_version").ExecuteScalar());
        for (var version = applied; version < migrations.Count; version++)
        {
            var script = migrations[version];
            await WriteAsync($"migrate.{version + 1}", (session, _) =>
            {
                // Scripts hold several statements; run them unprepared, once.
                using var command = session.Connection.CreateCommand();
                command.CommandText = script + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
                return ValueTask.FromResult(true);
            }, cancellationToken);
        }
    }

    private void CheckpointUntilClosed()
    {
        while (!_closing.Wait(CheckpointInterval))
        {
            try
            {
                _checkpoints.Command("PRAGMA wal_checkpoint(PASSIVE)").ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A passive checkpoint gives up rather than wait; the next round copies what this one could not.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Set();
        _checkpointer.Join();
        _closing.Dispose();
        _checkpoints.Dispose();
        await _writeTurn.WaitAsync();
        _readers.Writer.TryComplete();
        foreach (var reader in _allReaders) reader.Dispose();
        // The last connection to close checkpoints the WAL into the database file.
        _writer.Command("PRAGMA optimize").ExecuteNonQuery();
        _writer.Dispose();
        _ownership.Dispose();
    }

    private static SqliteSession Open(string connectionString, string modePragma)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var setup = connection.CreateCommand();
        // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
        setup.CommandText = modePragma + """
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 5000;
            PRAGMA foreign_keys = ON;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -16000;
            """;
        setup.ExecuteNonQuery();
        return new SqliteSession(connection);
    }
}
