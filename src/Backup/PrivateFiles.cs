namespace ProductStore.Backup;

/// <summary>Backups hold every account and order: folders 0700 and files 0600, like the data folder itself.</summary>
public static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path).FullName;
        var folder = Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(folder.FullName, FolderMode);
        return folder.FullName;
    }

    public static void CreateEmptyFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using (new FileStream(path, options)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, FileMode);
    }
}
