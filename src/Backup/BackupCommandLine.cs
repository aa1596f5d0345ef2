using System.Diagnostics;

namespace ProductStore.Backup;

/// <summary>The two verbs and their options; paths default to what run mode uses (.data, and backups beside it).</summary>
public static class BackupCommandLine
{
    private const string Usage = """
        usage: backup  [--data <folder>] [--to <folder>]    online copy of every <service>.sqlite into <to>/<UTC time>/
               restore <backup folder> [--data <folder>]   puts a copy back; the services must be stopped
        defaults: --data .data, --to backups
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || (args[0] is not ("backup" or "restore")) || (args[0] == "restore" && (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var data = Option(args, "--data") ?? ".data";
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (args[0] == "backup")
            {
                var backup = await SqliteBackup.BackUpAsync(data, Option(args, "--to") ?? "backups", DateTimeOffset.UtcNow, CancellationToken.None);
                await output.WriteLineAsync($"Backed up {string.Join(", ", backup.Databases)} to {backup.Folder} in {stopwatch.Elapsed.TotalSeconds:0.00} s.");
            }
            else
            {
                var restored = await SqliteRestore.RestoreAsync(args[1], data, CancellationToken.None);
                await output.WriteLineAsync($"Restored {string.Join(", ", restored)} into {Path.GetFullPath(data)} in {stopwatch.Elapsed.TotalSeconds:0.00} s; integrity_check ok.");
            }
            return 0;
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}

/// <summary>A refusal or failure the operator can act on: printed as one line, exit code 1.</summary>
public sealed class BackupException(string message) : Exception(message);
