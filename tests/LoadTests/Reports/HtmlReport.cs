using System.Xml.Linq;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Reports;

/// <summary>
/// One self-contained page: styles inline, charts as inline SVG, no script and no CDN, so it opens from a CI artifact offline.
/// Built as XML, so it is well-formed by construction.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font: 14px system-ui, sans-serif; margin: 24px; color: #222; }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .pass { color: #1a7f37; } .fail { color: #cf222e; font-weight: bold; }
        .chart { display: block; margin: 8px 0 24px; }
        .chart .grid { stroke: #eee; } .chart text { font-size: 11px; fill: #555; } .chart .title { font-size: 13px; font-weight: bold; fill: #222; }
        """;

    public static string Render(LoadStats stats)
    {
        var body = new XElement("body",
            new XElement("h1", "Load test report"),
            new XElement("p", $"Started {stats.StartedAt:u}, ran {stats.Duration.TotalSeconds:0.#} s. Result: ",
                new XElement("span", new XAttribute("class", stats.Passed ? "pass" : "fail"), stats.Passed ? "passed" : "FAILED")));
        if (stats.Thresholds.Count > 0)
            body.Add(Table(["threshold", "scenario", "result"], stats.Thresholds.Select(t =>
                new[] { t.Description, t.Scenario, (t.Passed ? "pass" : "FAIL") + (t.Error is null ? "" : $": {t.Error}") })));
        foreach (var scenario in stats.Scenarios)
        {
            body.Add(new XElement("h2", scenario.Name), Table(ReportTable.Columns, ReportTable.Rows(scenario)));
            if (scenario.Errors.Count > 0)
                body.Add(new XElement("ul", scenario.Errors.Select(e => new XElement("li", $"{e.Count} × {e.StatusCode?.ToString() ?? "no status"}: {e.Message}"))));
            body.Add(
                SvgChart.Line($"{scenario.Name}: latency of OK iterations over time", "s", "ms",
                    new SvgChart.Series("p50", "#0969da", scenario.Timeline.Select(p => ((double)p.Second, p.P50Ms)).ToList()),
                    new SvgChart.Series("p99", "#bf3989", scenario.Timeline.Select(p => ((double)p.Second, p.P99Ms)).ToList())),
                SvgChart.Line($"{scenario.Name}: throughput", "s", "iterations/s",
                    new SvgChart.Series("ok", "#1a7f37", scenario.Timeline.Select(p => ((double)p.Second, (double)p.OkCount)).ToList()),
                    new SvgChart.Series("fail", "#cf222e", scenario.Timeline.Select(p => ((double)p.Second, (double)p.FailCount)).ToList())));
        }
        var page = new XDocument(new XDocumentType("html", null, null, null),
            new XElement("html", new XAttribute("lang", "en"),
                new XElement("head", new XElement("meta", new XAttribute("charset", "utf-8")), new XElement("title", "Load test report"), new XElement("style", Style)),
                body));
        return page.ToString();
    }

    private static XElement Table(IEnumerable<string> columns, IEnumerable<string[]> rows) =>
        new("table",
            new XElement("thead", new XElement("tr", columns.Select(c => new XElement("th", c)))),
            new XElement("tbody", rows.Select(row => new XElement("tr", row.Select(cell => new XElement("td", cell))))));
}
