using ProductStore.ServiceDefaults.Files;
using ProductStore.Storage;

namespace ProductStore.Backup;

/// <summary>
/// Puts a backup's files back into the data folder. It refuses while any service owning one of them runs (the service
/// holds <see cref="SqliteFileLock"/> while up, and the restore holds it too, so no service starts halfway through).
/// </summary>
public static class SqliteRestore
{
    private static readonly string[] Sidecars = ["-wal", "-shm", "-journal"];

    public static async Task<IReadOnlyList<string>> RestoreAsync(string backupFolder, string dataFolder, CancellationToken cancellationToken)
    {
        var copies = Directory.Exists(backupFolder) ? Directory.GetFiles(backupFolder, "*.sqlite").Order(StringComparer.Ordinal).ToList() : [];
        if (copies.Count == 0) throw new BackupException($"No *.sqlite files in {Path.GetFullPath(backupFolder)}: not a backup folder.");
        foreach (var copy in copies) SqliteIntegrity.Check(copy);

        PrivateFiles.CreateFolder(dataFolder);
        var targets = copies.Select(copy => Path.Combine(Path.GetFullPath(dataFolder), Path.GetFileName(copy))).ToList();
        var locks = new List<SqliteFileLock>();
        try
        {
            foreach (var target in targets)
            {
                locks.Add(SqliteFileLock.TryAcquireExclusive(target) ?? throw new BackupException(
                    $"{Path.GetFileNameWithoutExtension(target)} is running (it holds {SqliteFileLock.PathOf(target)}): stop the services, then restore."));
            }
            foreach (var (copy, target) in copies.Zip(targets)) await PutBackAsync(copy, target, cancellationToken);
        }
        finally
        {
            foreach (var held in locks) held.Dispose();
        }
        return targets.Select(Path.GetFileNameWithoutExtension).ToList()!;
    }

    private static async Task PutBackAsync(string copy, string target, CancellationToken cancellationToken)
    {
        // A -wal left by the old file would be replayed onto the restored one and corrupt it.
        foreach (var sidecar in Sidecars) File.Delete(target + sidecar);
        var incoming = target + ".restoring";
        PrivateFiles.CreateEmptyFile(incoming);
        await using (var from = File.OpenRead(copy))
        await using (var to = new FileStream(incoming, FileMode.Truncate, FileAccess.Write))
        {
            await from.CopyToAsync(to, cancellationToken);
            to.Flush(flushToDisk: true);
        }
        File.Move(incoming, target, overwrite: true);
        SqliteIntegrity.Check(target);
    }
}
