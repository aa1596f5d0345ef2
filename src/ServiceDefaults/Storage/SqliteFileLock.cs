namespace ProductStore.ServiceDefaults.Storage;

/// <summary>
/// An exclusive OS lock (flock) on <c>&lt;database&gt;-lock</c>, held by whoever owns a SQLite file: the running service, or a
/// restore. The kernel drops it when the process dies, so a crashed service never leaves a stale "up" behind.
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private readonly FileStream _held;

    private SqliteFileLock(FileStream held) => _held = held;

    public static string PathOf(string databasePath) => databasePath + "-lock";

    /// <summary>Takes the lock, or throws when another process (or another open of this file) holds it.</summary>
    public static SqliteFileLock Acquire(string databasePath) => TryAcquire(databasePath) ?? throw new IOException(
        $"{databasePath} is in use: its service is running, or a restore is (it holds {PathOf(databasePath)}).");

    /// <summary>The lock, or null when someone else holds it.</summary>
    public static SqliteFileLock? TryAcquire(string databasePath)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            // FileShare.None is an exclusive, non-blocking flock on Unix (and a sharing lock on Windows).
            return new SqliteFileLock(new FileStream(PathOf(databasePath), options));
        }
        catch (IOException e) when (e is not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _held.Dispose();
}
