namespace ProductStore.ServiceDefaults.Storage;

/// <summary>
/// An OS lock (flock) on <c>&lt;database&gt;-lock</c>. Every running copy of a service holds it shared (several replicas may
/// share one SQLite file); a restore takes it exclusively, so it refuses while any copy runs, and no copy starts while
/// it works. The kernel drops it when the process dies, so a crashed service never leaves a stale "up" behind.
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private readonly FileStream _held;

    private SqliteFileLock(FileStream held) => _held = held;

    public static string PathOf(string databasePath) => databasePath + "-lock";

    /// <summary>The shared lock of a running service, or an exception when a restore holds the file.</summary>
    public static SqliteFileLock AcquireShared(string databasePath) => TryAcquire(databasePath, FileShare.ReadWrite) ?? throw new IOException(
        $"{databasePath} is being restored (a restore holds {PathOf(databasePath)}): start the service when it has finished.");

    /// <summary>The exclusive lock, or null when a service (or a restore) holds the file.</summary>
    public static SqliteFileLock? TryAcquireExclusive(string databasePath) => TryAcquire(databasePath, FileShare.None);

    private static SqliteFileLock? TryAcquire(string databasePath, FileShare share)
    {
        try
        {
            // On Unix FileShare.None takes an exclusive flock and read access with sharing a shared one, both non-blocking.
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Read, Share = share };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return new SqliteFileLock(new FileStream(PathOf(databasePath), options));
        }
        catch (IOException e) when (e is not DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => _held.Dispose();
}
