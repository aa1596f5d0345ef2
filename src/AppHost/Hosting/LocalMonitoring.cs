using System.Globalization;
using ProductStore.AppHost.Monitoring;
using ProductStore.AppHost.Publish;
using YamlDotNet.RepresentationModel;

namespace ProductStore.AppHost.Hosting;

/// <summary>
/// Run mode's Prometheus and Alertmanager: the Debian packages' binaries, with the repository's configuration rewritten
/// for this run's ports and folders when the run starts. Telegram only when a bot token and chat are configured.
/// </summary>
internal static class LocalMonitoring
{
    private static readonly string[] PrometheusBinaries = ["prometheus"];
    private static readonly string[] AlertmanagerBinaries = ["alertmanager", "prometheus-alertmanager"];

    public static void AddLocalMonitoring(this IDistributedApplicationBuilder builder, IReadOnlyList<IResourceBuilder<IResourceWithEndpoints>> scraped)
    {
        if (FindOnPath(AlertmanagerBinaries) is not { } alertmanagerPath || FindOnPath(PrometheusBinaries) is not { } prometheusPath)
        {
            Console.WriteLine("note: Prometheus or Alertmanager is not installed (apt-get install prometheus prometheus-alertmanager): running without them.");
            return;
        }
        var telegram = builder.Configuration["Telegram:BotToken"] is { Length: > 0 }
            && long.TryParse(builder.Configuration["Telegram:ChatId"], CultureInfo.InvariantCulture, out _);
        if (!telegram) Console.WriteLine("note: Telegram is not configured (Telegram__BotToken, Telegram__ChatId): alerts go nowhere.");

        var folder = Path.Combine(builder.DataDirectory(), "monitoring");
        var alertmanager = builder.AddMonitoringServer("alertmanager", alertmanagerPath, 9093, folder,
            (dir, listen) => [$"--config.file={Path.Combine(dir, "alertmanager.yml")}", $"--storage.path={Path.Combine(dir, "data")}",
                $"--web.listen-address={listen}", "--cluster.listen-address="]);
        var prometheus = builder.AddMonitoringServer("prometheus", prometheusPath, 9090, folder,
            (dir, listen) => [$"--config.file={Path.Combine(dir, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(dir, "data")}",
                $"--web.listen-address={listen}"]);
        prometheus.WithReferenceRelationship(alertmanager);
        foreach (var target in scraped) prometheus.WithReferenceRelationship(target);

        // The configuration needs every port of the finished model: written just before the processes start.
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            var model = DeployedModel.ReadEndpoints(started.Model.Resources.Where(r => r is ServiceProjectResource || r == alertmanager.Resource));
            WritePrometheusConfig(builder, model, Path.Combine(folder, "prometheus"));
            WriteAlertmanagerConfig(builder, telegram, Path.Combine(folder, "alertmanager"));
            return Task.CompletedTask;
        });
    }

    private static IResourceBuilder<ExecutableResource> AddMonitoringServer(
        this IDistributedApplicationBuilder builder, string name, string binary, int defaultPort, string folder,
        Func<string, string, string[]> arguments)
    {
        var directory = Path.Combine(folder, name);
        var port = builder.PortOf(name, defaultPort);
        return builder.AddExecutable(name, binary, directory, arguments(directory, $"127.0.0.1:{port}"))
            .WithHttpEndpoint(port: port, isProxied: false)
            .WithHttpHealthCheck("/-/ready")
            .WithDeployment(d => d.IsMonitoring = true);
    }

    private static void WritePrometheusConfig(IDistributedApplicationBuilder builder, DeployedModel model, string directory)
    {
        var source = Path.Combine(builder.RepositoryRoot(), "prometheus");
        var root = MonitoringConfig.Prometheus(builder.RepositoryRoot(), model,
            targetsOf: r => [$"127.0.0.1:{r.ManagementPort ?? r.DefaultPort}"],
            ruleFilePath: rule => Path.Combine(source, rule),
            builder.Configuration["AppHost:ScrapeInterval"]);
        Save(root, directory, "prometheus.yml");
    }

    private static void WriteAlertmanagerConfig(IDistributedApplicationBuilder builder, bool telegram, string directory)
    {
        var source = Path.Combine(builder.RepositoryRoot(), "alertmanager");
        var configuration = builder.Configuration;
        var root = MonitoringConfig.Alertmanager(builder.RepositoryRoot(),
            templatePath: template => Path.Combine(source, template),
            configureTelegram: !telegram ? null : config =>
            {
                // Alertmanager 0.25 has no bot_token_file: the token goes into this run's copy, readable by this user only.
                config.Children[new YamlScalarNode("bot_token")] = new YamlScalarNode(configuration["Telegram:BotToken"]);
                config.Children[new YamlScalarNode("chat_id")] = new YamlScalarNode(configuration["Telegram:ChatId"]);
                if (configuration["Telegram:ApiUrl"] is { Length: > 0 } apiUrl) config.Children[new YamlScalarNode("api_url")] = new YamlScalarNode(apiUrl.TrimEnd('/'));
            },
            configuration["AppHost:AlertGrouping"]);
        Save(root, directory, "alertmanager.yml");
    }

    private static void Save(YamlMappingNode root, string directory, string fileName)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, MonitoringConfig.ToYaml(root));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static string? FindOnPath(string[] names) =>
        names.SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
