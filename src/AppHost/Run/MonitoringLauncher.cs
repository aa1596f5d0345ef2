using System.Diagnostics;
using ProductStore.AppHost.Model;
using YamlDotNet.RepresentationModel;

namespace ProductStore.AppHost.Run;

/// <summary>
/// Runs Prometheus and Alertmanager when they are installed, with the repository's configuration
/// rewritten for this run's ports and folders; Telegram only when a bot token and chat are configured.
/// </summary>
internal sealed class MonitoringLauncher
{
    private static readonly Dictionary<string, string[]> Executables = new()
    {
        ["prometheus"] = ["prometheus"],
        ["alertmanager"] = ["alertmanager", "prometheus-alertmanager"],
    };

    private readonly AppModel _model;
    private readonly RunSettings _settings;
    private readonly Dictionary<string, string> _paths = [];
    private readonly List<string> _notices = [];

    public MonitoringLauncher(AppModel model, RunSettings settings)
    {
        _model = model;
        _settings = settings;
        var available = new List<Resource>();
        if (!settings.Monitoring) { Available = available; return; }
        foreach (var resource in model.Monitoring)
        {
            var executable = Executables[resource.Name].Select(FindOnPath).FirstOrDefault(p => p is not null);
            if (executable is null)
            {
                _notices.Add($"{resource.Name} is not installed (apt-get install prometheus prometheus-alertmanager): not started.");
                continue;
            }
            _paths[resource.Name] = executable;
            available.Add(resource);
        }
        if (available.Any(r => r.Name == "alertmanager") && settings.Telegram is null)
            _notices.Add("Telegram is not configured (Telegram__BotToken, Telegram__ChatId): alerts go nowhere.");
        Available = available;
    }

    public IReadOnlyList<Resource> Available { get; }

    public IReadOnlyList<string> Notices => _notices;

    public ProcessStartInfo StartInfo(Resource resource)
    {
        var runDirectory = Path.Combine(_settings.DataDirectory, "monitoring", resource.Name);
        Directory.CreateDirectory(runDirectory);
        var listen = $"127.0.0.1:{_settings.PortOf(resource)}";
        var startInfo = new ProcessStartInfo(_paths[resource.Name]) { WorkingDirectory = runDirectory };
        var arguments = resource.Name switch
        {
            "prometheus" => new[]
            {
                $"--config.file={WritePrometheusConfig(runDirectory)}",
                $"--storage.tsdb.path={Path.Combine(runDirectory, "data")}",
                $"--web.listen-address={listen}",
            },
            "alertmanager" => new[]
            {
                $"--config.file={WriteAlertmanagerConfig(runDirectory)}",
                $"--storage.path={Path.Combine(runDirectory, "data")}",
                $"--web.listen-address={listen}",
                "--cluster.listen-address=",
            },
            _ => throw new InvalidOperationException($"No launcher for monitoring resource '{resource.Name}'."),
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    private string WritePrometheusConfig(string runDirectory)
    {
        var source = Path.Combine(_settings.RepositoryRoot, "prometheus");
        var root = MonitoringConfig.Prometheus(_settings.RepositoryRoot, _model,
            targetsOf: r => r.Kind == ResourceKind.Container ? null : [$"127.0.0.1:{_settings.PortOf(r)}"],
            ruleFilePath: rule => Path.Combine(source, rule),
            _settings.ScrapeInterval);
        return Save(root, runDirectory, "prometheus.yml");
    }

    private string WriteAlertmanagerConfig(string runDirectory)
    {
        var source = Path.Combine(_settings.RepositoryRoot, "alertmanager");
        var telegram = _settings.Telegram;
        var root = MonitoringConfig.Alertmanager(_settings.RepositoryRoot,
            templatePath: template => Path.Combine(source, template),
            configureTelegram: telegram is null ? null : config =>
            {
                // Alertmanager 0.25 has no bot_token_file: the token goes into this run's copy, readable by this user only.
                config.Children[new YamlScalarNode("bot_token")] = new YamlScalarNode(telegram.BotToken);
                config.Children[new YamlScalarNode("chat_id")] = new YamlScalarNode(telegram.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (telegram.ApiUrl is { } apiUrl) config.Children[new YamlScalarNode("api_url")] = new YamlScalarNode(apiUrl.TrimEnd('/'));
            },
            _settings.AlertGrouping);
        return Save(root, runDirectory, "alertmanager.yml");
    }

    private static string Save(YamlMappingNode root, string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, MonitoringConfig.ToYaml(root));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
