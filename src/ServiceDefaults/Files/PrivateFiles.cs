namespace ProductStore.ServiceDefaults.Files;

/// <summary>
/// Data only this service's user may read: folders 0700 and files 0600, created so and tightened when they exist
/// already (data from before this rule). SQLite gives its -wal and -shm files the database file's own mode. Databases,
/// backups, signing keys and session keys all use it.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersBits = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="path"/> 0700 if missing, else takes group and other access away; returns its full path.</summary>
    public static string CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path).FullName;
        var folder = Directory.CreateDirectory(path, FolderMode);
        try
        {
            Tighten(path);
        }
        catch (UnauthorizedAccessException)
        {
            // A mount owned by someone else (a volume the platform made): the files inside are still 0600.
        }
        return folder.FullName;
    }

    /// <summary>Creates <paramref name="path"/> empty and 0600, truncating a file that is there.</summary>
    public static void CreateEmptyFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using (new FileStream(path, options)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, FileMode);
    }

    /// <summary>Creates <paramref name="path"/> empty and 0600 if missing, else takes group and other access away.</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            try
            {
                using var _ = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it at the same moment: tighten theirs below.
            }
        }
        Tighten(path);
    }

    /// <summary>Takes group and other access away from a file that exists (the database's -wal and -shm after an older start).</summary>
    public static void TightenIfExists(string path)
    {
        if (!OperatingSystem.IsWindows() && Path.Exists(path)) Tighten(path);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersBits) != 0) File.SetUnixFileMode(path, mode & ~OthersBits);
    }
}
