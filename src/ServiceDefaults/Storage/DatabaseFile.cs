using Mono.Unix.Native;

namespace ProductStore.ServiceDefaults.Storage;

/// <summary>
/// The database file a service opened, by device and inode: if the path is deleted or another file put in its place,
/// SQLite would go on writing into the file it holds open, which no one will ever read again.
/// </summary>
public sealed class DatabaseFile(string path)
{
    private readonly (ulong Device, ulong Inode)? _opened = IdentityOf(path);

    public string Path { get; } = path;

    /// <summary>Why the path no longer leads to the file opened, or null while it does.</summary>
    public string? Problem()
    {
        if (_opened is null) return null;
        return IdentityOf(Path) switch
        {
            null => $"The database file {Path} was deleted while in use.",
            var now when now != _opened => $"The database file {Path} was replaced by another file while in use.",
            _ => null,
        };
    }

    private static (ulong Device, ulong Inode)? IdentityOf(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        return Syscall.stat(path, out var stat) == 0 ? (stat.st_dev, stat.st_ino) : null;
    }
}
