using System.Text.Json;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Reports;

/// <summary>Writes a run's JSON (machine-readable), Markdown (for a PR or job summary) and HTML (charts) reports side by side.</summary>
public static class LoadReports
{
    public static async Task<IReadOnlyList<string>> WriteAsync(LoadStats stats, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"load-report-{stats.StartedAt:yyyyMMdd-HHmmss}");
        string[] files = [stem + ".json", stem + ".md", stem + ".html"];
        await File.WriteAllTextAsync(files[0], JsonSerializer.Serialize(stats, ReportJsonContext.Default.LoadStats), cancellationToken);
        await File.WriteAllTextAsync(files[1], MarkdownReport.Render(stats), cancellationToken);
        await File.WriteAllTextAsync(files[2], HtmlReport.Render(stats), cancellationToken);
        return files;
    }

    public static LoadStats? ReadJson(string json) => JsonSerializer.Deserialize(json, ReportJsonContext.Default.LoadStats);
}
