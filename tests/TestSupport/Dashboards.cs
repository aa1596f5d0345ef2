using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProductStore.TestSupport;

/// <summary>One PromQL query of a dashboard panel, with Grafana's variables replaced so Prometheus can run it.</summary>
public sealed record DashboardQuery(string Dashboard, string Panel, string Expr)
{
    public override string ToString() => $"{Dashboard} / {Panel}: {Expr}";
}

/// <summary>The Grafana dashboards in grafana/dashboards.</summary>
public static class Dashboards
{
    public static IReadOnlyList<(string Name, JsonObject Json)> Load() => Repository.Files(Path.Combine("grafana", "dashboards"), "*.json")
        .Select(file => (Path.GetFileNameWithoutExtension(file), JsonNode.Parse(File.ReadAllText(file))!.AsObject()))
        .ToList();

    /// <summary>Every panel, including those nested in collapsed rows.</summary>
    public static IEnumerable<JsonObject> Panels(JsonObject dashboard)
    {
        foreach (var panel in dashboard["panels"]!.AsArray().Select(p => p!.AsObject()))
        {
            yield return panel;
            if (panel["panels"] is JsonArray nested)
                foreach (var child in nested) yield return child!.AsObject();
        }
    }

}

/// <summary>Every panel query of every dashboard, ready for Prometheus' HTTP API: against a fake target (Observability.Tests) and the real services (EndToEnd.Tests).</summary>
public static partial class DashboardQueries
{
    public static IReadOnlyList<DashboardQuery> All() => Dashboards.Load()
        .SelectMany(d => Dashboards.Panels(d.Json).SelectMany(panel => (panel["targets"] as JsonArray ?? [])
            .Select(target => new DashboardQuery(d.Name, (string)panel["title"]!, Substitute((string?)target!["expr"] ?? "")))))
        .DistinctBy(q => q.ToString())
        .ToList();

    /// <summary>
    /// Replaces Grafana's variables: dashboard variables (all `job`-like regex matchers) by ".*",
    /// the interval variables by a window that holds several samples at a 1 s scrape interval.
    /// </summary>
    public static string Substitute(string expr)
    {
        var text = expr.Replace("$__rate_interval", "1m").Replace("$__interval", "1m").Replace("$__range", "1h");
        return Variable().Replace(text, ".*");
    }

    [GeneratedRegex(@"\$\{\w+(?::\w+)?\}|\$\w+")]
    private static partial Regex Variable();
}
