using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.ServiceDefaults.Tests;

/// <summary>The lock an open database holds, which the restore command checks before it touches the file.</summary>
public sealed class SqliteFileLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("productstore-lock-").FullName;

    private string File(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task An_open_database_holds_its_lock_until_disposed()
    {
        var database = new SqliteDatabase($"Data Source={File("held.sqlite")}", readerCount: 1);

        Assert.Null(SqliteFileLock.TryAcquire(File("held.sqlite")));
        var second = Assert.Throws<IOException>(() => new SqliteDatabase($"Data Source={File("held.sqlite")}", readerCount: 1));
        Assert.Contains("is in use", second.Message);

        await database.DisposeAsync();
        using var released = SqliteFileLock.TryAcquire(File("held.sqlite"));
        Assert.NotNull(released);
    }

    [Fact]
    public void The_lock_file_is_private_and_another_database_has_its_own()
    {
        using var first = SqliteFileLock.Acquire(File("a.sqlite"));
        using var other = SqliteFileLock.TryAcquire(File("b.sqlite"));

        Assert.NotNull(other);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(SqliteFileLock.PathOf(File("a.sqlite"))));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
