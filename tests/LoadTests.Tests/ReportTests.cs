using System.Xml;
using System.Xml.Linq;
using ProductStore.LoadTests.Reports;
using ProductStore.LoadTests.Runner;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Tests;

public sealed class ReportTests : IAsyncLifetime
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"load-reports-{Guid.NewGuid():N}");
    private LoadStats _stats = null!;
    private IReadOnlyList<string> _files = [];

    public async ValueTask InitializeAsync()
    {
        _stats = await LoadRunner.RegisterScenarios(TestRuns.OneInTenFails("checkout"))
            .WithThresholds(Threshold.Create("checkout", s => s.Fail.Percent < 1))
            .WithConsole(null)
            .WithReportFolder(_folder)
            .RunAsync();
        _files = Directory.GetFiles(_folder);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void The_run_writes_json_markdown_and_html()
    {
        Assert.Equal([".html", ".json", ".md"], _files.Select(Path.GetExtension).Order());
    }

    [Fact]
    public async Task Json_round_trips()
    {
        var read = LoadReports.ReadJson(await System.IO.File.ReadAllTextAsync(Report(".json")))!;

        var (original, copy) = (_stats.Scenario("checkout"), read.Scenario("checkout"));
        Assert.Equal(_stats.StartedAt, read.StartedAt);
        Assert.Equal(original.AllCount, copy.AllCount);
        Assert.Equal(original.Ok, copy.Ok);
        Assert.Equal(original.Fail, copy.Fail);
        Assert.Equal(original.StatusCodes, copy.StatusCodes);
        Assert.Equal(original.Errors, copy.Errors);
        Assert.Equal(original.Timeline, copy.Timeline);
        Assert.Equal(original.Steps.Select(s => (s.Name, s.AllCount, s.Ok, s.Fail)), copy.Steps.Select(s => (s.Name, s.AllCount, s.Ok, s.Fail)));
        Assert.Equal(_stats.Thresholds, read.Thresholds);
        Assert.Equal(1, read.ExitCode);
    }

    [Fact]
    public async Task Markdown_has_the_table_per_scenario_with_its_steps()
    {
        var lines = await System.IO.File.ReadAllLinesAsync(Report(".md"));
        var scenario = _stats.Scenario("checkout");

        Assert.Contains("## checkout", lines);
        Assert.Contains("| step | requests | RPS | ok | fail | status codes | p50 ms | p75 ms | p95 ms | p99 ms | p99.9 ms | max ms |", lines);
        Assert.Contains(lines, l => l.StartsWith($"| (iteration) | {scenario.AllCount} |") && l.Contains($"{scenario.Fail.Count} ("));
        Assert.Contains(lines, l => l.StartsWith($"| second | {scenario.Step("second").AllCount} |") && l.Contains("500 ×") && l.Contains(" fail"));
        Assert.Contains(lines, l => l.Contains("`s => s.Fail.Percent < 1`") && l.Contains("FAIL"));
    }

    [Fact]
    public async Task Html_is_well_formed_self_contained_and_charts_every_timeline_point()
    {
        var html = await System.IO.File.ReadAllTextAsync(Report(".html"));
        var page = XDocument.Load(XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));

        Assert.Empty(page.Descendants("script"));
        Assert.DoesNotContain("http://cdn", html);
        var charts = page.Descendants(Svg + "svg").ToList();
        Assert.Equal(2, charts.Count);
        var points = _stats.Scenario("checkout").Timeline;
        Assert.NotEmpty(points);
        Assert.All(charts, chart =>
        {
            Assert.Equal(2, chart.Elements(Svg + "polyline").Count());
            Assert.Equal(2 * points.Count, chart.Elements(Svg + "circle").Count());
        });
        var okPerSecond = charts[1].Elements(Svg + "circle").Select(c => c.Element(Svg + "title")!.Value).Where(t => t.StartsWith("ok at"));
        Assert.Equal(points.Select(p => $"ok at {p.Second} s: {p.OkCount} iterations/s"), okPerSecond);
        Assert.Contains(page.Descendants("td"), td => td.Value == "(iteration)");
    }

    private string Report(string extension) => _files.Single(f => f.EndsWith(extension));
}
