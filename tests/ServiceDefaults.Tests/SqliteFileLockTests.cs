using ProductStore.ServiceDefaults.Storage;

namespace ProductStore.ServiceDefaults.Tests;

/// <summary>The lock open databases share, which the restore command takes exclusively before it touches the file.</summary>
public sealed class SqliteFileLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("productstore-lock-").FullName;

    private string File(string name) => Path.Combine(_folder, name);

    private SqliteDatabase Open(string name) => new($"Data Source={File(name)}", readerCount: 1);

    [Fact]
    public async Task Two_replicas_share_a_file_and_an_exclusive_lock_waits_until_both_have_closed()
    {
        var first = Open("held.sqlite");
        var second = Open("held.sqlite");

        Assert.Null(SqliteFileLock.TryAcquireExclusive(File("held.sqlite")));
        await first.DisposeAsync();
        Assert.Null(SqliteFileLock.TryAcquireExclusive(File("held.sqlite")));
        await second.DisposeAsync();
        using var released = SqliteFileLock.TryAcquireExclusive(File("held.sqlite"));
        Assert.NotNull(released);
    }

    [Fact]
    public void A_database_does_not_open_while_a_restore_holds_its_file()
    {
        using var restoring = SqliteFileLock.TryAcquireExclusive(File("restoring.sqlite"));
        Assert.NotNull(restoring);

        var refused = Assert.Throws<IOException>(() => Open("restoring.sqlite"));

        Assert.Contains("is being restored", refused.Message);
    }

    [Fact]
    public void The_lock_file_is_private_and_another_database_has_its_own()
    {
        using var first = SqliteFileLock.TryAcquireExclusive(File("a.sqlite"));
        using var other = SqliteFileLock.TryAcquireExclusive(File("b.sqlite"));

        Assert.NotNull(first);
        Assert.NotNull(other);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(SqliteFileLock.PathOf(File("a.sqlite"))));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
