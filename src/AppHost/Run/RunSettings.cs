using System.Reflection;

namespace ProductStore.AppHost.Run;

/// <summary>How run mode runs the model on this machine: ports, data folder, overrides. Read from the AppHost's own configuration.</summary>
public sealed record RunSettings
{
    public required string RepositoryRoot { get; init; }

    /// <summary>Each service keeps its database here (Storage__DataDirectory).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Port overrides by resource name (<c>Ports__gateway=9080</c>); the model's defaults otherwise.</summary>
    public Dictionary<string, int> Ports { get; init; } = [];

    /// <summary>Extra variables by resource (<c>Resources__orders__Environment__Orders__Progress__Shipped=00:00:02</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> Environment { get; init; } = [];

    public string AspNetCoreEnvironment { get; init; } = "Development";

    /// <summary>Which build output of the services to run: the AppHost's own configuration.</summary>
    public string BuildConfiguration { get; init; } = OwnBuildConfiguration();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Start Prometheus and Alertmanager when they are installed.</summary>
    public bool Monitoring { get; init; } = true;

    /// <summary>Prometheus' scrape and rule evaluation interval for this run (the file's own when null).</summary>
    public string? ScrapeInterval { get; init; }

    public TelegramSettings? Telegram { get; init; }

    /// <summary>Alertmanager's group_wait and group_interval for this run (tests shorten them; the file's own when null).</summary>
    public string? AlertGrouping { get; init; }

    /// <summary>Where each process's output lines go; the console with a name prefix by default.</summary>
    public Action<string, string>? Log { get; init; }

    public int PortOf(Model.Resource resource) => Ports.TryGetValue(resource.Name, out var port) ? port : resource.DefaultPort;

    public static RunSettings FromConfiguration(IConfiguration configuration, string repositoryRoot) => new()
    {
        RepositoryRoot = repositoryRoot,
        DataDirectory = Path.GetFullPath(configuration["AppHost:DataDirectory"] ?? ".data", repositoryRoot),
        Ports = configuration.GetSection("Ports").GetChildren()
            .Where(p => int.TryParse(p.Value, out _))
            .ToDictionary(p => p.Key, p => int.Parse(p.Value!)),
        Environment = configuration.GetSection("Resources").GetChildren().ToDictionary(
            r => r.Key,
            r => r.GetSection("Environment").AsEnumerable(makePathsRelative: true)
                .Where(v => v.Value is not null)
                .ToDictionary(v => v.Key.Replace(":", "__", StringComparison.Ordinal), v => v.Value!)),
        AspNetCoreEnvironment = configuration["AppHost:Environment"] ?? "Development",
        Monitoring = configuration.GetValue("AppHost:Monitoring", true),
        ScrapeInterval = configuration["AppHost:ScrapeInterval"],
        Telegram = configuration["Telegram:BotToken"] is { Length: > 0 } token && long.TryParse(configuration["Telegram:ChatId"], out var chat)
            ? new TelegramSettings(token, chat, configuration["Telegram:ApiUrl"])
            : null,
    };

    /// <summary>The folder holding ProductStore.sln, found from the AppHost's location (or the current directory).</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ProductStore.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find ProductStore.sln above the AppHost or the current directory.");
    }

    private static string OwnBuildConfiguration() =>
        typeof(RunSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
}

/// <summary>Where Alertmanager sends alerts: a bot token and chat id (never in git), and the API address (a stub in tests).</summary>
public sealed record TelegramSettings(string BotToken, long ChatId, string? ApiUrl);
