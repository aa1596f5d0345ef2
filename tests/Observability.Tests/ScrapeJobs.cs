using ProductStore.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Observability.Tests;

public sealed record ScrapeJob(string Name, string MetricsPath, IReadOnlyList<string> Targets);

/// <summary>The scrape jobs of prometheus/prometheus.yml.</summary>
public static class ScrapeJobs
{
    public static IReadOnlyList<ScrapeJob> All()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Repository.PrometheusConfig)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlSequenceNode)root.Children[new YamlScalarNode("scrape_configs")]).Children.Cast<YamlMappingNode>()
            .Select(job => new ScrapeJob(
                Scalar(job, "job_name")!,
                Scalar(job, "metrics_path") ?? "/metrics",
                ((YamlSequenceNode)job.Children[new YamlScalarNode("static_configs")]).Children.Cast<YamlMappingNode>()
                    .SelectMany(c => ((YamlSequenceNode)c.Children[new YamlScalarNode("targets")]).Children.Select(t => ((YamlScalarNode)t).Value!))
                    .ToList()))
            .ToList();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
