using System.Text;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Reports;

internal static class MarkdownReport
{
    public static string Render(LoadStats stats)
    {
        var md = new StringBuilder();
        md.AppendLine("# Load test report").AppendLine();
        md.AppendLine($"Started {stats.StartedAt:u}, ran {stats.Duration.TotalSeconds:0.#} s. Result: **{(stats.Passed ? "passed" : "FAILED")}**.").AppendLine();
        if (stats.Thresholds.Count > 0)
        {
            md.AppendLine("| threshold | scenario | result |").AppendLine("|---|---|---|");
            foreach (var t in stats.Thresholds)
                md.AppendLine($"| `{Cell(t.Description)}` | {Cell(t.Scenario)} | {(t.Passed ? "pass" : "FAIL")}{(t.Error is null ? "" : $": {Cell(t.Error)}")} |");
            md.AppendLine();
        }
        foreach (var scenario in stats.Scenarios)
        {
            md.AppendLine($"## {scenario.Name}").AppendLine();
            md.AppendLine($"| {string.Join(" | ", ReportTable.Columns)} |");
            md.AppendLine($"|{string.Concat(ReportTable.Columns.Select(_ => "---|"))}");
            foreach (var row in ReportTable.Rows(scenario))
                md.AppendLine($"| {string.Join(" | ", row.Select(Cell))} |");
            md.AppendLine();
            foreach (var error in scenario.Errors)
                md.AppendLine($"- {error.Count} × {error.StatusCode?.ToString() ?? "no status"}: {Cell(error.Message)}");
            if (scenario.Errors.Count > 0) md.AppendLine();
            if (scenario.WarmUp is { } warmUp)
                md.AppendLine($"Before it, a {warmUp.Duration.TotalSeconds:0.#} s warm-up (not in the figures above): {warmUp.AllCount} iterations, "
                    + $"{warmUp.Fail.Count} failed; status codes {string.Join(", ", warmUp.StatusCodes.Select(c => $"{c.StatusCode?.ToString() ?? "none"} ×{c.Count}"))}.").AppendLine();
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
