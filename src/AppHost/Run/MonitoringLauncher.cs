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
        var root = LoadYaml(Path.Combine(source, "prometheus.yml"));
        if (_settings.ScrapeInterval is { } interval)
        {
            var global = Child(root, "global");
            global.Children[new YamlScalarNode("scrape_interval")] = new YamlScalarNode(interval);
            global.Children[new YamlScalarNode("evaluation_interval")] = new YamlScalarNode(interval);
        }
        if (root.Children.TryGetValue(new YamlScalarNode("rule_files"), out var ruleFiles) && ruleFiles is YamlSequenceNode rules)
        {
            root.Children[new YamlScalarNode("rule_files")] = new YamlSequenceNode(
                rules.Children.Select(r => new YamlScalarNode(Path.Combine(source, ((YamlScalarNode)r).Value!))));
        }
        foreach (var job in Sequence(root, "scrape_configs").Children.OfType<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)job.Children[new YamlScalarNode("job_name")]).Value!;
            var target = name == "prometheus" ? _model["prometheus"] : _model.Resources.FirstOrDefault(r => r.Name == name);
            if (target is not null) job.Children[new YamlScalarNode("static_configs")] = Targets(target);
        }
        var alerting = Child(root, "alerting");
        alerting.Children[new YamlScalarNode("alertmanagers")] = new YamlSequenceNode(
            new YamlMappingNode(new YamlScalarNode("static_configs"), Targets(_model["alertmanager"])));
        return Save(root, runDirectory, "prometheus.yml");
    }

    private string WriteAlertmanagerConfig(string runDirectory)
    {
        var source = Path.Combine(_settings.RepositoryRoot, "alertmanager");
        var root = LoadYaml(Path.Combine(source, "alertmanager.yml"));
        if (root.Children.TryGetValue(new YamlScalarNode("templates"), out var templates) && templates is YamlSequenceNode list)
        {
            root.Children[new YamlScalarNode("templates")] = new YamlSequenceNode(
                list.Children.Select(t => new YamlScalarNode(Path.Combine(source, ((YamlScalarNode)t).Value!))));
        }
        if (_settings.AlertGrouping is { } grouping)
        {
            foreach (var route in Routes(Child(root, "route")))
            {
                route.Children[new YamlScalarNode("group_wait")] = new YamlScalarNode(grouping);
                route.Children[new YamlScalarNode("group_interval")] = new YamlScalarNode(grouping);
            }
        }
        var telegram = _settings.Telegram;
        foreach (var receiver in Sequence(root, "receivers").Children.OfType<YamlMappingNode>())
        {
            var key = new YamlScalarNode("telegram_configs");
            if (!receiver.Children.TryGetValue(key, out var configs)) continue;
            if (telegram is null)
            {
                receiver.Children.Remove(key);
                continue;
            }
            // Alertmanager 0.25 has no bot_token_file: the token goes into this run's copy, readable by this user only.
            foreach (var config in ((YamlSequenceNode)configs).Children.OfType<YamlMappingNode>())
            {
                config.Children[new YamlScalarNode("bot_token")] = new YamlScalarNode(telegram.BotToken);
                config.Children[new YamlScalarNode("chat_id")] = new YamlScalarNode(telegram.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (telegram.ApiUrl is { } apiUrl) config.Children[new YamlScalarNode("api_url")] = new YamlScalarNode(apiUrl.TrimEnd('/'));
            }
        }
        return Save(root, runDirectory, "alertmanager.yml");
    }

    private static IEnumerable<YamlMappingNode> Routes(YamlMappingNode route) =>
        Sequence(route, "routes").Children.OfType<YamlMappingNode>().SelectMany(Routes).Prepend(route);

    private YamlSequenceNode Targets(Resource resource) => new(new YamlMappingNode(
        new YamlScalarNode("targets"), new YamlSequenceNode(new YamlScalarNode($"127.0.0.1:{_settings.PortOf(resource)}"))));

    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Child(YamlMappingNode parent, string name)
    {
        var key = new YamlScalarNode(name);
        if (parent.Children.TryGetValue(key, out var node) && node is YamlMappingNode mapping) return mapping;
        var created = new YamlMappingNode();
        parent.Children[key] = created;
        return created;
    }

    private static YamlSequenceNode Sequence(YamlMappingNode parent, string name) =>
        parent.Children.TryGetValue(new YamlScalarNode(name), out var node) && node is YamlSequenceNode sequence ? sequence : new YamlSequenceNode();

    private static string Save(YamlMappingNode root, string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        using (var writer = new StreamWriter(path))
        {
            new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
