using ProductStore.LoadTests.Stats;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ProductStore.LoadTests.Reports;

/// <summary>The final tables on the terminal: one per scenario, then the thresholds.</summary>
internal static class ConsoleReport
{
    public static IRenderable Render(LoadStats stats)
    {
        var parts = new List<IRenderable>();
        foreach (var scenario in stats.Scenarios)
        {
            var table = new Table().Title($"[bold]{Markup.Escape(scenario.Name)}[/] ({scenario.Duration.TotalSeconds:0.#} s; latency of OK requests)");
            foreach (var column in ReportTable.Columns) table.AddColumn(new TableColumn(Markup.Escape(column)));
            foreach (var row in ReportTable.Rows(scenario)) table.AddRow(row.Select(Markup.Escape).ToArray());
            parts.Add(table);
            foreach (var error in scenario.Errors.Take(5))
                parts.Add(new Markup($"  [red]{error.Count} ×[/] {Markup.Escape($"{error.StatusCode?.ToString() ?? "-"} {error.Message}")}\n"));
        }
        foreach (var threshold in stats.Thresholds)
            parts.Add(new Markup($"{(threshold.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")} {Markup.Escape($"{threshold.Scenario}: {threshold.Description} {threshold.Error}")}\n"));
        return new Rows(parts);
    }
}
