using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Files;
using ProductStore.ServiceDefaults.Telemetry;

namespace ProductStore.Storage;

/// <summary>
/// A service's embedded database: one writer connection on its own thread (SQLite admits one writer at a time, so writes
/// queue for it instead of spinning on SQLITE_BUSY, and what queued together commits together: <see cref="SqliteWriter"/>)
/// and a small pool of reader connections, which WAL lets read while the writer writes. Every connection keeps its
/// prepared commands.
/// Commits never checkpoint (wal_autocheckpoint = 0): copying the WAL into the file and its fsync would hold the one
/// writer, and every write queued behind it, for as long as the disk takes. A thread of its own checkpoints passively
/// instead, which neither waits for the writer nor blocks it.
/// Every wait is bounded (the busy timeout): a lock held elsewhere, a file gone or unwritable, a full disk surface as
/// <see cref="StorageUnavailableException"/> (503), and each transaction first checks the path still leads to the file opened.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(500);

    private readonly SqliteSession _writer;
    private readonly SqliteWriter _writes;
    private readonly Channel<SqliteSession> _readers;
    private readonly List<SqliteSession> _allReaders = [];
    private readonly SqliteSession _checkpoints;
    private readonly ManualResetEventSlim _closing = new();
    private readonly Thread _checkpointer;
    private readonly TimeSpan _busyTimeout;
    private readonly DatabaseFile _file;
    private readonly ILogger? _logger;
    private int _fileProblemLogged;
    private readonly SqliteFileLock _ownership;

    public SqliteDatabase(string connectionString, int readerCount, TimeSpan? busyTimeout = null, ILogger? logger = null)
    {
        _busyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        _logger = logger;
        // Microsoft.Data.Sqlite retries a busy database for its own command timeout (30 s by default) on top of busy_timeout.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = Math.Max(1, (int)_busyTimeout.TotalSeconds) };
        FilePath = Path.GetFullPath(builder.DataSource);
        // The files hold password hashes, orders and keys: readable by this service's user only (0700 folder, 0600 files).
        if (Path.GetDirectoryName(FilePath) is { } folder) PrivateFiles.CreateFolder(folder);
        PrivateFiles.CreateFile(FilePath);
        PrivateFiles.TightenIfExists(FilePath + "-wal");
        PrivateFiles.TightenIfExists(FilePath + "-shm");
        _file = new DatabaseFile(FilePath);
        // Held for the database's lifetime: a restore refuses to touch the file while it is taken.
        _ownership = SqliteFileLock.AcquireShared(FilePath);

        var busy = $"PRAGMA busy_timeout = {(int)_busyTimeout.TotalMilliseconds};";
        _writer = Open(builder.ConnectionString, busy + "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
        _readers = Channel.CreateBounded<SqliteSession>(readerCount);
        for (var i = 0; i < readerCount; i++)
        {
            var reader = Open(builder.ConnectionString, busy + "PRAGMA query_only = ON;");
            _allReaders.Add(reader);
            _readers.Writer.TryWrite(reader);
        }
        _writes = new SqliteWriter(_writer, ThrowIfFileGone);
        _checkpoints = Open(builder.ConnectionString, busy);
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
        catch (SqliteException e) when (IsUnavailable(e, writing: false))
        {
            throw Unavailable(operation, e);
        }
        finally
        {
            _readers.Writer.TryWrite(session);
        }
    }

    /// <summary>A read that is just SQL and bindings: SQLite's work is synchronous, so the callback need not be async.</summary>
    public Task<T> ReadAsync<T>(string operation, Func<SqliteSession, T> read, CancellationToken cancellationToken) =>
        ReadAsync(operation, (session, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            return ValueTask.FromResult(read(session));
        }, cancellationToken).AsTask();

    /// <summary>
    /// Runs <paramref name="write"/> on the writer's thread, committed whole or not at all (it may share its transaction with
    /// other writes queued at the same time, each in its own savepoint). SQLite's work is synchronous, so it is too.
    /// </summary>
    public Task<T> WriteAsync<T>(string operation, Func<SqliteSession, T> write, CancellationToken cancellationToken) =>
        RunWriteAsync(operation, write, commit: true, cancellationToken);

    /// <summary>Runs a <paramref name="write"/> that returns nothing, committed whole or not at all.</summary>
    public Task WriteAsync(string operation, Action<SqliteSession> write, CancellationToken cancellationToken) =>
        WriteAsync(operation, session =>
        {
            write(session);
            return true;
        }, cancellationToken);

    private async Task<T> RunWriteAsync<T>(string operation, Func<SqliteSession, T> write, bool commit, CancellationToken cancellationToken)
    {
        using var call = DatabaseTelemetry.Start(DatabaseTelemetry.Sqlite, operation);
        try
        {
            var result = await _writes.WriteAsync(operation, write, commit, _busyTimeout, cancellationToken);
            call.Succeeded();
            return result;
        }
        catch (SqliteException e) when (IsUnavailable(e, writing: true))
        {
            throw Unavailable(operation, e);
        }
    }

    /// <summary>
    /// Readiness: the path still leads to the file opened, and a write could be made now: the write lock is taken within
    /// the busy timeout and the header written as it is, then rolled back, so nothing reaches the disk. Null when ready, else why not.
    /// </summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunWriteAsync<string?>("health", session =>
            {
                var version = Convert.ToInt64(session.Command("PRAGMA user_version").ExecuteScalar());
                session.Command($"PRAGMA user_version = {version}").ExecuteNonQuery();
                return null;
            }, commit: false, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            return e.Message;
        }
    }

    private void ThrowIfFileGone()
    {
        if (_file.Problem() is not { } problem) return;
        if (Interlocked.Exchange(ref _fileProblemLogged, 1) == 0) _logger?.LogError("{Problem} Writes are refused until the service is restarted on a database file.", problem);
        throw new StorageUnavailableException(problem);
    }

    /// <summary>
    /// SQLite's codes for a database that cannot serve now, as opposed to a bad statement or a broken constraint. A read-only
    /// file is one only for writes: a reader session refuses writes by design (query_only).
    /// </summary>
    private static bool IsUnavailable(SqliteException e, bool writing) => (e.SqliteErrorCode & 0xFF) switch
    {
        5 /* BUSY */ or 6 /* LOCKED */ or 10 /* IOERR */ or 11 /* CORRUPT */ or 13 /* FULL */ or 14 /* CANTOPEN */ or 26 /* NOTADB */ => true,
        8 /* READONLY */ => writing,
        _ => false,
    };

    private static StorageUnavailableException Unavailable(string operation, SqliteException e) => new($"{operation}: {e.Message}", e);

    /// <summary>Applies the migrations this file has not seen yet, tracked in PRAGMA user_version.</summary>
    public async Task MigrateAsync(IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        var applied = Convert.ToInt32(_writer.Command("PRAGMA user_version").ExecuteScalar());
        for (var version = applied; version < migrations.Count; version++)
        {
            var script = migrations[version];
            await WriteAsync($"migrate.{version + 1}", session =>
            {
                // Scripts hold several statements; run them unprepared, once.
                using var command = session.Connection.CreateCommand();
                command.CommandText = script + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
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
        _writes.Dispose();
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
            PRAGMA foreign_keys = ON;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -16000;
            """;
        setup.ExecuteNonQuery();
        return new SqliteSession(connection);
    }
}
