using YamlDotNet.RepresentationModel;

using ProductStore.AppHost.Publish;

namespace ProductStore.AppHost.Monitoring;

/// <summary>
/// The repository's Prometheus and Alertmanager configuration, rewritten for one placement of the model:
/// run mode (127.0.0.1 and this run's ports) and the publishers (container names) differ only in the callbacks.
/// </summary>
public static class MonitoringConfig
{
    /// <summary>
    /// prometheus/prometheus.yml with each job that names a resource (or its <see cref="DeployedResource.MetricsJob"/>) scraping
    /// <paramref name="targetsOf"/> (null: leave the job as the file has it), and alerts sent to the alertmanager resource.
    /// Jobs of resources with a <see cref="DeployedResource.MetricsJob"/> the file lacks are added when they have targets.
    /// <paramref name="instancesOf"/> may name a DNS record listing every replica instead (one address per pod).
    /// </summary>
    public static YamlMappingNode Prometheus(
        string repositoryRoot,
        DeployedModel model,
        Func<DeployedResource, IReadOnlyList<string>?> targetsOf,
        Func<string, string> ruleFilePath,
        string? interval = null,
        Func<DeployedResource, (string DnsName, int Port)?>? instancesOf = null)
    {
        var root = Load(repositoryRoot, "prometheus", "prometheus.yml");
        if (interval is not null)
        {
            var global = Child(root, "global");
            global.Children[new YamlScalarNode("scrape_interval")] = new YamlScalarNode(interval);
            global.Children[new YamlScalarNode("evaluation_interval")] = new YamlScalarNode(interval);
        }
        if (root.Children.TryGetValue(new YamlScalarNode("rule_files"), out var ruleFiles) && ruleFiles is YamlSequenceNode rules)
        {
            root.Children[new YamlScalarNode("rule_files")] = new YamlSequenceNode(
                rules.Children.Select(r => new YamlScalarNode(ruleFilePath(((YamlScalarNode)r).Value!))));
        }
        var jobs = Sequence(root, "scrape_configs");
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs.Children.OfType<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)job.Children[new YamlScalarNode("job_name")]).Value!;
            named.Add(name);
            var resource = model.Resources.FirstOrDefault(r => (r.MetricsJob ?? r.Name) == name);
            if (resource is not null && instancesOf?.Invoke(resource) is var (dnsName, port))
            {
                job.Children.Remove(new YamlScalarNode("static_configs"));
                job.Children[new YamlScalarNode("dns_sd_configs")] = new YamlSequenceNode(new YamlMappingNode(
                    new YamlScalarNode("names"), new YamlSequenceNode(new YamlScalarNode(dnsName)),
                    new YamlScalarNode("type"), new YamlScalarNode("A"),
                    new YamlScalarNode("port"), new YamlScalarNode(port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
            else if (resource is not null && targetsOf(resource) is { } targets)
            {
                job.Children[new YamlScalarNode("static_configs")] = Targets(targets);
            }
        }
        foreach (var resource in model.Resources.Where(r => r.MetricsJob is not null && !named.Contains(r.MetricsJob)))
        {
            if (targetsOf(resource) is not { } targets) continue;
            var job = new YamlMappingNode(
                new YamlScalarNode("job_name"), new YamlScalarNode(resource.MetricsJob!),
                new YamlScalarNode("metrics_path"), new YamlScalarNode("/metrics"),
                new YamlScalarNode("static_configs"), Targets(targets));
            if (resource.Deployment.KeepsPushedLabels) job.Children.Add(new YamlScalarNode("honor_labels"), new YamlScalarNode("true"));
            jobs.Children.Add(job);
        }
        root.Children[new YamlScalarNode("scrape_configs")] = jobs;
        var alerting = Child(root, "alerting");
        alerting.Children[new YamlScalarNode("alertmanagers")] = new YamlSequenceNode(
            new YamlMappingNode(new YamlScalarNode("static_configs"), Targets(targetsOf(model["alertmanager"]) ?? [])));
        return root;
    }

    /// <summary>
    /// alertmanager/alertmanager.yml with template paths mapped, optional shorter grouping, and each Telegram config
    /// handed to <paramref name="configureTelegram"/> (null: Telegram is not configured, so the receivers lose it).
    /// </summary>
    public static YamlMappingNode Alertmanager(
        string repositoryRoot,
        Func<string, string> templatePath,
        Action<YamlMappingNode>? configureTelegram,
        string? grouping = null)
    {
        var root = Load(repositoryRoot, "alertmanager", "alertmanager.yml");
        if (root.Children.TryGetValue(new YamlScalarNode("templates"), out var templates) && templates is YamlSequenceNode list)
        {
            root.Children[new YamlScalarNode("templates")] = new YamlSequenceNode(
                list.Children.Select(t => new YamlScalarNode(templatePath(((YamlScalarNode)t).Value!))));
        }
        if (grouping is not null)
        {
            foreach (var route in Routes(Child(root, "route")))
            {
                route.Children[new YamlScalarNode("group_wait")] = new YamlScalarNode(grouping);
                route.Children[new YamlScalarNode("group_interval")] = new YamlScalarNode(grouping);
            }
        }
        foreach (var receiver in Sequence(root, "receivers").Children.OfType<YamlMappingNode>())
        {
            var key = new YamlScalarNode("telegram_configs");
            if (!receiver.Children.TryGetValue(key, out var configs)) continue;
            if (configureTelegram is null)
            {
                receiver.Children.Remove(key);
                continue;
            }
            foreach (var config in ((YamlSequenceNode)configs).Children.OfType<YamlMappingNode>()) configureTelegram(config);
        }
        return root;
    }

    /// <summary>The files a relative pattern of the configuration (<c>rules/*.yml</c>) names, in ordinal order.</summary>
    public static IReadOnlyList<string> Expand(string directory, string pattern)
    {
        var folder = Path.Combine(directory, Path.GetDirectoryName(pattern) ?? "");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, Path.GetFileName(pattern)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The relative patterns a configuration lists under <paramref name="key"/> (rule_files, templates).</summary>
    public static IReadOnlyList<string> Patterns(string repositoryRoot, string folder, string fileName, string key) =>
        Sequence(Load(repositoryRoot, folder, fileName), key).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

    public static string ToYaml(YamlMappingNode root)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text; // the stream's document end marker
    }

    public static YamlMappingNode Load(string repositoryRoot, string folder, string fileName)
    {
        var path = Path.Combine(repositoryRoot, folder, fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{folder}/{fileName} is missing: the monitoring configuration is read from the repository's {folder}/ folder.", path);
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Routes(YamlMappingNode route) =>
        Sequence(route, "routes").Children.OfType<YamlMappingNode>().SelectMany(Routes).Prepend(route);

    private static YamlSequenceNode Targets(IEnumerable<string> targets) => new(new YamlMappingNode(
        new YamlScalarNode("targets"), new YamlSequenceNode(targets.Select(t => new YamlScalarNode(t)))));

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
}
