using ProductStore.AppHost.Hosting;
using ProductStore.AppHost.Monitoring;
using YamlDotNet.RepresentationModel;

namespace ProductStore.AppHost.Publish;

/// <summary>A folder of published configuration and where its resource's container reads it (a ConfigMap in Kubernetes).</summary>
public sealed record ConfigMount(string Resource, string Folder, string ContainerPath)
{
    public string ConfigMapName => Folder.Replace('/', '-');
}

/// <summary>
/// The repository's prometheus/, alertmanager/ and grafana/ folders, rendered for a container deployment:
/// scrape targets and data source URLs become container addresses, the Telegram token a file.
/// </summary>
public static class MonitoringFiles
{
    public static readonly IReadOnlyList<ConfigMount> Mounts =
    [
        new("alertmanager", "alertmanager/config", "/etc/alertmanager/config"),
        new("alertmanager", "alertmanager/templates", "/etc/alertmanager/templates"),
        new("grafana", "grafana/dashboards", "/var/lib/grafana/dashboards"), // the path grafana/provisioning/dashboards names
        new("grafana", "grafana/provisioning/dashboards", "/etc/grafana/provisioning/dashboards"),
        new("grafana", "grafana/provisioning/datasources", "/etc/grafana/provisioning/datasources"),
        new("prometheus", "prometheus/config", "/etc/prometheus/config"),
        new("prometheus", "prometheus/rules", "/etc/prometheus/rules"),
    ];

    public static string PrometheusConfigFile => Mount("prometheus/config").ContainerPath + "/prometheus.yml";

    public static string AlertmanagerConfigFile => Mount("alertmanager/config").ContainerPath + "/alertmanager.yml";

    /// <summary>Adds every mount's files; <paramref name="targetsOf"/> gives the scrape addresses of a resource in this deployment.</summary>
    public static void AddTo(
        PublishedFiles files, string repositoryRoot, DeployedModel model, Func<DeployedResource, IReadOnlyList<string>> targetsOf,
        Func<DeployedResource, (string DnsName, int Port)?>? instancesOf = null)
    {
        var rules = CopyMatches(files, repositoryRoot, "prometheus", "rule_files", "prometheus.yml", "prometheus/rules");
        var prometheus = MonitoringConfig.Prometheus(repositoryRoot, model, targetsOf,
            ruleFilePath: pattern => $"{Mount("prometheus/rules").ContainerPath}/{Path.GetFileName(pattern)}",
            instancesOf: instancesOf);
        files.Add("prometheus/config/prometheus.yml", Header + MonitoringConfig.ToYaml(prometheus));
        if (rules == 0) throw Missing("prometheus/rules (the files prometheus.yml's rule_files name)");

        CopyMatches(files, repositoryRoot, "alertmanager", "templates", "alertmanager.yml", "alertmanager/templates");
        var alertmanager = MonitoringConfig.Alertmanager(repositoryRoot,
            templatePath: pattern => $"{Mount("alertmanager/templates").ContainerPath}/{Path.GetFileName(pattern)}",
            configureTelegram: config =>
            {
                config.Children.Remove(new YamlScalarNode("bot_token"));
                config.Children[new YamlScalarNode("bot_token_file")] = new YamlScalarNode(Deployment.TelegramBotTokenFile);
            });
        files.Add("alertmanager/config/alertmanager.yml", Header + MonitoringConfig.ToYaml(alertmanager));

        foreach (var source in SourceFiles(repositoryRoot, "grafana/provisioning/datasources", "*.yml"))
        {
            var name = Path.GetFileName(source);
            files.Add($"grafana/provisioning/datasources/{name}", Header + MonitoringConfig.ToYaml(Datasources(repositoryRoot, name, model)));
        }
        foreach (var source in SourceFiles(repositoryRoot, "grafana/provisioning/dashboards", "*.yml"))
            files.Copy($"grafana/provisioning/dashboards/{Path.GetFileName(source)}", source);
        foreach (var source in SourceFiles(repositoryRoot, "grafana/dashboards", "*.json"))
            files.Copy($"grafana/dashboards/{Path.GetFileName(source)}", source);
    }

    private const string Header = "# Rendered from the repository's monitoring configuration by the AppHost's publish command: edit the source and publish again.\n";

    private static ConfigMount Mount(string folder) => Mounts.Single(m => m.Folder == folder);

    /// <summary>Each data source whose type names a resource (prometheus, jaeger) points at that resource's container.</summary>
    private static YamlMappingNode Datasources(string repositoryRoot, string fileName, DeployedModel model)
    {
        var root = MonitoringConfig.Load(repositoryRoot, "grafana/provisioning/datasources", fileName);
        if (root.Children.TryGetValue(new YamlScalarNode("datasources"), out var list) && list is YamlSequenceNode datasources)
        {
            foreach (var datasource in datasources.Children.OfType<YamlMappingNode>())
            {
                if (datasource.Children.TryGetValue(new YamlScalarNode("type"), out var type)
                    && model.Resources.FirstOrDefault(r => r.Name == ((YamlScalarNode)type).Value) is { } resource)
                {
                    datasource.Children[new YamlScalarNode("url")] = new YamlScalarNode(Deployment.EndpointOf(resource));
                }
            }
        }
        return root;
    }

    private static int CopyMatches(PublishedFiles files, string repositoryRoot, string folder, string key, string configFile, string targetFolder)
    {
        var count = 0;
        foreach (var pattern in MonitoringConfig.Patterns(repositoryRoot, folder, configFile, key))
        {
            foreach (var source in MonitoringConfig.Expand(Path.Combine(repositoryRoot, folder), pattern))
            {
                files.Copy($"{targetFolder}/{Path.GetFileName(source)}", source);
                count++;
            }
        }
        return count;
    }

    private static IReadOnlyList<string> SourceFiles(string repositoryRoot, string folder, string pattern)
    {
        var found = MonitoringConfig.Expand(Path.Combine(repositoryRoot, folder), pattern);
        return found.Count > 0 ? found : throw Missing($"{folder}/{pattern}");
    }

    private static FileNotFoundException Missing(string what) =>
        new($"The monitoring configuration has no {what}: the publishers copy it from the repository, so it must exist before publishing.");
}
