using ProductStore.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Observability.Tests;

public sealed record AlertRule(string File, string Name, string Expr, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);

/// <summary>The alerting rules in prometheus/rules.</summary>
public static class AlertRules
{
    public static IReadOnlyList<AlertRule> All() => Repository.Files(Path.Combine("prometheus", "rules"), "*.yml")
        .SelectMany(file => Groups(file).SelectMany(group => Sequence(group, "rules"))
            .Where(rule => rule.Children.ContainsKey(new YamlScalarNode("alert")))
            .Select(rule => new AlertRule(
                Path.GetFileName(file),
                Scalar(rule, "alert"),
                Scalar(rule, "expr"),
                Map(rule, "labels"),
                Map(rule, "annotations"))))
        .ToList();

    private static IEnumerable<YamlMappingNode> Groups(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file)) yaml.Load(reader);
        return Sequence((YamlMappingNode)yaml.Documents[0].RootNode, "groups");
    }

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlMappingNode>();

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static Dictionary<string, string> Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? ((YamlMappingNode)child).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!)
            : [];
}
