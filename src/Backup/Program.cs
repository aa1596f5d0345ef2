namespace ProductStore.Backup;

/// <summary>
/// <c>dotnet run --project src/Backup -- backup | restore &lt;folder&gt;</c>: the SQLite files of every service, copied
/// online and put back offline. (A named class: tests reference both this tool and a service's Program.)
/// </summary>
public static class BackupProgram
{
    public static Task<int> Main(string[] args) => BackupCommandLine.RunAsync(args, Console.Out, Console.Error);
}
