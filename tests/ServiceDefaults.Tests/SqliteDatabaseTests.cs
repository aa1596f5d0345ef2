using Microsoft.Data.Sqlite;
using ProductStore.ServiceDefaults.Files;
using ProductStore.Storage;

namespace ProductStore.ServiceDefaults.Tests;

public sealed class SqliteDatabaseTests : IAsyncDisposable
{
    private static readonly string[] Migrations =
    [
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);",
        "ALTER TABLE counters ADD COLUMN note TEXT;",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("productstore-sqlite-").FullName;
    private readonly List<SqliteDatabase> _opened = [];

    private async Task<SqliteDatabase> Open(params string[] migrations)
    {
        var database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "nested", "test.sqlite")}", readerCount: 2);
        _opened.Add(database);
        await database.MigrateAsync(migrations.Length == 0 ? Migrations : migrations, CancellationToken.None);
        return database;
    }

    private static ValueTask<long> Read(SqliteDatabase database, string name) =>
        database.ReadAsync("read", (session, _) => ValueTask.FromResult(
            Convert.ToInt64(session.Command("SELECT value FROM counters WHERE name = $n").With("$n", name).ExecuteScalar() ?? -1L)), CancellationToken.None);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Only_the_services_own_user_can_read_the_folder_and_the_files_wal_and_shm_included()
    {
        var database = await Open();
        await database.WriteAsync("write", session => session.Command("INSERT INTO counters (name, value) VALUES ('a', 1)").ExecuteNonQuery(),
            CancellationToken.None);

        var file = Path.Combine(_folder, "nested", "test.sqlite");
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            Assert.True(File.Exists(path), path);
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Files_an_older_version_left_readable_are_tightened_at_start()
    {
        var folder = Path.Combine(_folder, "nested");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var file = Path.Combine(folder, "test.sqlite");
        foreach (var path in new[] { file, file + "-wal" })
        {
            await File.WriteAllBytesAsync(path, []);
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        }

        await Open();

        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(folder));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file + "-wal"));
    }

    [Fact]
    public async Task A_database_file_replaced_under_the_service_is_not_ready_and_refuses_writes()
    {
        var database = await Open();
        Assert.Null(await database.ProbeAsync(CancellationToken.None));
        var file = Path.Combine(_folder, "nested", "test.sqlite");
        var copy = file + ".copy";
        File.Copy(file, copy);

        File.Move(copy, file, overwrite: true);

        Assert.Contains("replaced", await database.ProbeAsync(CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(async () =>
            await database.WriteAsync("write", session => session.Command("INSERT INTO counters (name, value) VALUES ('b', 1)").ExecuteNonQuery(),
                CancellationToken.None));
    }

    [Fact]
    public async Task An_unwritable_database_is_storage_unavailable_not_an_error_of_the_request()
    {
        await (await Open()).DisposeAsync();
        _opened.Clear();
        var readOnly = new SqliteDatabase($"Data Source={Path.Combine(_folder, "nested", "test.sqlite")};Mode=ReadOnly", readerCount: 1);
        _opened.Add(readOnly);

        Assert.NotNull(await readOnly.ProbeAsync(CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(async () =>
            await readOnly.WriteAsync("write", session => session.Command("INSERT INTO counters (name, value) VALUES ('b', 1)").ExecuteNonQuery(),
                CancellationToken.None));
    }

    [Fact]
    public async Task The_file_uses_write_ahead_logging_and_migrations_run_once()
    {
        var database = await Open();
        await database.MigrateAsync(Migrations, CancellationToken.None);

        var (mode, version) = await database.ReadAsync("pragma", (session, _) => ValueTask.FromResult((
            (string)session.Command("PRAGMA journal_mode").ExecuteScalar()!,
            (long)session.Command("PRAGMA user_version").ExecuteScalar()!)), CancellationToken.None);
        Assert.Equal("wal", mode);
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Commits_leave_the_write_ahead_log_to_a_background_checkpoint()
    {
        var database = await Open();
        var file = Path.Combine(_folder, "nested", "test.sqlite");
        var sizeBefore = new FileInfo(file).Length;

        // 2 MB: below SQLite's own auto-checkpoint (1,000 pages, 4 MB), so only the background checkpoint moves it into the file.
        var autoCheckpoint = await database.WriteAsync("insert", s =>
        {
            s.Command("INSERT INTO counters (name, value, note) VALUES ('big', 1, $note)").With("$note", new string('x', 2_000_000)).ExecuteNonQuery();
            return (long)s.Command("PRAGMA wal_autocheckpoint").ExecuteScalar()!;
        }, CancellationToken.None);

        Assert.Equal(0, autoCheckpoint);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(file).Length < sizeBefore + 2_000_000 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(new FileInfo(file).Length >= sizeBefore + 2_000_000, $"the file is {new FileInfo(file).Length} bytes");
        Assert.Equal(1, await Read(database, "big"));
    }

    [Fact]
    public async Task A_new_migration_applies_on_top_of_an_existing_file()
    {
        var first = await Open(Migrations[0]);
        await first.WriteAsync("insert", s => s.Command("INSERT INTO counters VALUES ('a', 1)").ExecuteNonQuery(), CancellationToken.None);
        await first.DisposeAsync();
        _opened.Remove(first);

        var second = await Open(Migrations);
        var note = await second.ReadAsync("read", (s, _) => ValueTask.FromResult(s.Command("SELECT note IS NULL FROM counters WHERE name = 'a'").ExecuteScalar()), CancellationToken.None);
        Assert.Equal(1L, note);
    }

    [Fact]
    public async Task A_failed_write_leaves_nothing_behind()
    {
        var database = await Open();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await database.WriteAsync<int>("fail", session =>
        {
            session.Command("INSERT INTO counters (name, value) VALUES ('half', 1)").ExecuteNonQuery();
            throw new InvalidOperationException("halfway");
        }, CancellationToken.None));

        Assert.Equal(-1, await Read(database, "half"));
        // The writer is usable again afterwards.
        await database.WriteAsync("ok", s => s.Command("INSERT INTO counters (name, value) VALUES ('ok', 1)").ExecuteNonQuery(), CancellationToken.None);
        Assert.Equal(1, await Read(database, "ok"));
    }

    [Fact]
    public async Task A_constraint_violation_rolls_back_and_surfaces()
    {
        var database = await Open();
        await database.WriteAsync("seed", s => s.Command("INSERT INTO counters (name, value) VALUES ('x', 1)").ExecuteNonQuery(), CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(async () => await database.WriteAsync("dup", s =>
        {
            s.Command("UPDATE counters SET value = 99 WHERE name = 'x'").ExecuteNonQuery();
            return s.Command("INSERT INTO counters (name, value) VALUES ('x', 2)").ExecuteNonQuery();
        }, CancellationToken.None));

        Assert.Equal(1, await Read(database, "x"));
    }

    [Fact]
    public async Task Concurrent_read_modify_writes_never_lose_an_update()
    {
        var database = await Open();
        await database.WriteAsync("seed", s => s.Command("INSERT INTO counters (name, value) VALUES ('n', 0)").ExecuteNonQuery(), CancellationToken.None);

        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            await Task.Yield();
            await database.WriteAsync("increment", s =>
            {
                var value = (long)s.Command("SELECT value FROM counters WHERE name = 'n'").ExecuteScalar()!;
                return s.Command("UPDATE counters SET value = $v WHERE name = 'n'").With("$v", value + 1).ExecuteNonQuery();
            }, ct);
        });

        Assert.Equal(400, await Read(database, "n"));
    }

    [Fact]
    public async Task Readers_see_committed_writes_while_writes_go_on()
    {
        var database = await Open();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await database.WriteAsync("w", s =>
                    s.Command("INSERT INTO counters (name, value) VALUES ($n, $v)").With("$n", $"k{i}").With("$v", i).ExecuteNonQuery(), CancellationToken.None);
            }
        });
        long seen = 0;
        while (!writes.IsCompleted)
        {
            var count = await database.ReadAsync("count", (s, _) => ValueTask.FromResult((long)s.Command("SELECT count(*) FROM counters").ExecuteScalar()!), CancellationToken.None);
            Assert.True(count >= seen, "A reader went back in time.");
            seen = count;
        }
        await writes;
        Assert.Equal(199, await Read(database, "k199"));
    }

    /// <summary>Holds the writer in a write, on another thread, until the returned gate is set: the next writes queue up behind it.</summary>
    private static (Task Holding, ManualResetEventSlim Gate) HoldTheWriter(SqliteDatabase database)
    {
        var gate = new ManualResetEventSlim();
        var entered = new ManualResetEventSlim();
        var holding = Task.Run(() => database.WriteAsync("hold", _ =>
        {
            entered.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
        }, CancellationToken.None));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "The writer never ran the holding write.");
        return (holding, gate);
    }

    [Fact]
    public async Task Writes_queued_together_commit_each_whole_and_a_failing_one_takes_only_itself_back()
    {
        var database = await Open();
        var (holding, gate) = HoldTheWriter(database);

        var before = database.WriteAsync("before", s => s.Command("INSERT INTO counters (name, value) VALUES ('before', 1)").ExecuteNonQuery(), CancellationToken.None);
        var failing = database.WriteAsync<int>("failing", s =>
        {
            s.Command("INSERT INTO counters (name, value) VALUES ('half', 1)").ExecuteNonQuery();
            return s.Command("INSERT INTO counters (name, value) VALUES ('before', 2)").ExecuteNonQuery();
        }, CancellationToken.None);
        var probe = database.ProbeAsync(CancellationToken.None);
        var after = database.WriteAsync("after", s => s.Command("INSERT INTO counters (name, value) VALUES ('after', 1)").ExecuteNonQuery(), CancellationToken.None);
        gate.Set();
        await holding;

        Assert.Equal(1, await before);
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Null(await probe);
        Assert.Equal(1, await after);
        Assert.Equal(1, await Read(database, "before"));
        Assert.Equal(-1, await Read(database, "half"));
        Assert.Equal(1, await Read(database, "after"));
        Assert.Equal(2L, await database.ReadAsync("version", s => (long)s.Command("PRAGMA user_version").ExecuteScalar()!, CancellationToken.None));
    }

    [Fact]
    public async Task A_write_still_queued_after_the_busy_timeout_is_refused_and_never_runs()
    {
        var database = new SqliteDatabase($"Data Source={Path.Combine(_folder, "busy.sqlite")}", readerCount: 1, busyTimeout: TimeSpan.FromMilliseconds(200));
        _opened.Add(database);
        await database.MigrateAsync(Migrations, CancellationToken.None);
        var (holding, gate) = HoldTheWriter(database);
        using var cancel = new CancellationTokenSource();

        var late = database.WriteAsync("late", s => s.Command("INSERT INTO counters (name, value) VALUES ('late', 1)").ExecuteNonQuery(), CancellationToken.None);
        var cancelled = database.WriteAsync("cancelled", s => s.Command("INSERT INTO counters (name, value) VALUES ('cancelled', 1)").ExecuteNonQuery(), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => late);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Set();
        await holding;

        Assert.Equal(-1, await Read(database, "late"));
        Assert.Equal(-1, await Read(database, "cancelled"));
    }

    [Fact]
    public async Task Writes_queued_before_closing_are_committed_and_later_ones_refused()
    {
        var database = await Open();
        var (holding, gate) = HoldTheWriter(database);
        var queued = database.WriteAsync("queued", s => s.Command("INSERT INTO counters (name, value) VALUES ('queued', 1)").ExecuteNonQuery(), CancellationToken.None);

        var closing = Task.Run(async () => await database.DisposeAsync());
        gate.Set();
        await holding;
        await closing;
        _opened.Remove(database);

        Assert.Equal(1, await queued);
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            database.WriteAsync("late", s => s.Command("INSERT INTO counters (name, value) VALUES ('late', 1)").ExecuteNonQuery(), CancellationToken.None));
        var reopened = await Open();
        Assert.Equal(1, await Read(reopened, "queued"));
        Assert.Equal(-1, await Read(reopened, "late"));
    }

    [Fact]
    public async Task Readers_cannot_write()
    {
        var database = await Open();
        await Assert.ThrowsAsync<SqliteException>(async () => await database.ReadAsync("sneaky", (s, _) =>
            ValueTask.FromResult(s.Command("INSERT INTO counters (name, value) VALUES ('r', 1)").ExecuteNonQuery()), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened) await database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
