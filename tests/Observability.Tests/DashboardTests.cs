using ProductStore.TestSupport;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ProductStore.Observability.Tests;

/// <summary>The dashboards are valid Grafana JSON that only references what is provisioned and what the services export.</summary>
public sealed partial class DashboardTests
{
    private static readonly string[] ExpectedDashboards = ["cart", "catalog", "gateway", "orders", "storage", "system-overview", "users"];

    public static TheoryData<string> Names => new(ExpectedDashboards);

    [Fact]
    public void Every_dashboard_is_there_with_a_unique_uid()
    {
        var dashboards = Dashboards.Load();

        Assert.Equal(ExpectedDashboards, dashboards.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(dashboards.Count, dashboards.Select(d => (string?)d.Json["uid"]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Dashboard_has_schema_39_unique_panel_ids_and_titles(string name)
    {
        var dashboard = Load(name);
        var panels = Dashboards.Panels(dashboard).ToList();

        Assert.Equal(39, (int)dashboard["schemaVersion"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)dashboard["title"]));
        Assert.NotEmpty(panels);
        var ids = panels.Select(p => (int)p["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(panels, p => Assert.False(string.IsNullOrWhiteSpace((string?)p["title"]), $"panel {p["id"]} has no title"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_query_panel_uses_a_provisioned_datasource_and_every_target_has_an_expr(string name)
    {
        var provisioned = ProvisionedDatasourceUids();
        var queryPanels = Dashboards.Panels(Load(name)).Where(p => (string?)p["type"] is not ("row" or "text")).ToList();

        Assert.NotEmpty(queryPanels);
        foreach (var panel in queryPanels)
        {
            var title = (string)panel["title"]!;
            Assert.Contains((string?)panel["datasource"]?["uid"] ?? "(none)", provisioned);
            var targets = panel["targets"]?.AsArray() ?? [];
            Assert.True(targets.Count > 0, $"{title} has no targets");
            foreach (var target in targets)
            {
                Assert.Contains((string?)target!["datasource"]?["uid"] ?? "(none)", provisioned);
                Assert.False(string.IsNullOrWhiteSpace((string?)target["expr"]), $"{title}: target {target["refId"]} has no expr");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Variables_query_provisioned_datasources_and_known_metrics(string name)
    {
        var provisioned = ProvisionedDatasourceUids();
        var variables = Load(name)["templating"]?["list"]?.AsArray() ?? [];

        foreach (var variable in variables.Where(v => (string?)v!["type"] == "query"))
        {
            Assert.Contains((string?)variable!["datasource"]?["uid"] ?? "(none)", provisioned);
            var metric = LabelValuesMetric().Match((string)variable["definition"]!);
            Assert.True(metric.Success, $"variable {variable["name"]}: {variable["definition"]}");
            Assert.Contains(metric.Groups[1].Value, KnownMetrics.All);
        }
    }

    [Fact]
    public void Variable_substitution_leaves_runnable_promql()
    {
        var queries = DashboardQueries.All();

        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.DoesNotContain("$", q.Expr));
        Assert.Equal("sum(rate(x{job=~\".*\"}[1m])) / increase(y{job=~\".*\"}[1h])",
            DashboardQueries.Substitute("sum(rate(x{job=~\"$job\"}[$__rate_interval])) / increase(y{job=~\"${job:regex}\"}[$__range])"));
    }

    [Fact]
    public void Fixed_job_matchers_name_jobs_prometheus_scrapes()
    {
        var jobs = ScrapeJobs.All().Select(j => j.Name).ToHashSet();
        var matchers = DashboardQueries.All().SelectMany(q => JobMatcher().Matches(q.Expr).Select(m => (q, Job: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(matchers);
        Assert.All(matchers, m => Assert.True(jobs.Contains(m.Job), $"{m.q}: no scrape job '{m.Job}'"));
    }

    [Fact]
    public void Grafana_provisions_prometheus_and_jaeger_and_loads_dashboards_from_files()
    {
        Assert.Equal(["jaeger", "prometheus"], ProvisionedDatasourceUids().Order(StringComparer.Ordinal));
        var providers = (YamlSequenceNode)LoadYaml("grafana", "provisioning", "dashboards", "dashboards.yml").Children[new YamlScalarNode("providers")];
        var provider = (YamlMappingNode)Assert.Single(providers.Children);
        Assert.Equal("file", ((YamlScalarNode)provider.Children[new YamlScalarNode("type")]).Value);
    }

    private static JsonObject Load(string name) => Dashboards.Load().Single(d => d.Name == name).Json;

    private static HashSet<string> ProvisionedDatasourceUids() =>
        ((YamlSequenceNode)LoadYaml("grafana", "provisioning", "datasources", "datasources.yml").Children[new YamlScalarNode("datasources")])
            .Children.Cast<YamlMappingNode>()
            .Select(d => ((YamlScalarNode)d.Children[new YamlScalarNode("uid")]).Value!)
            .ToHashSet();

    private static YamlMappingNode LoadYaml(params string[] path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Repository.PathTo(path))) yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^label_values\((\w+)\s*,\s*\w+\)$")]
    private static partial Regex LabelValuesMetric();

    [GeneratedRegex("job=\"([^\"]*)\"")]
    private static partial Regex JobMatcher();
}
