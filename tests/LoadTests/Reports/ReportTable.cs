using System.Globalization;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Reports;

/// <summary>The per-scenario table every report shows: the whole iteration first, then each step.</summary>
internal static class ReportTable
{
    public static readonly string[] Columns =
        ["step", "requests", "RPS", "ok", "fail", "status codes", "p50 ms", "p75 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms"];

    public const string WholeIteration = "(iteration)";

    public static IEnumerable<string[]> Rows(ScenarioStats scenario)
    {
        yield return Row(WholeIteration, scenario.AllCount, scenario.Rps, scenario.Ok, scenario.Fail, scenario.StatusCodes);
        foreach (var step in scenario.Steps)
            yield return Row(step.Name, step.AllCount, scenario.Duration > TimeSpan.Zero ? step.AllCount / scenario.Duration.TotalSeconds : 0, step.Ok, step.Fail, step.StatusCodes);
    }

    /// <summary>"200 ×950, 429 ×40, 500 ×10 fail": codes counted as failures are marked, so an expected 429 reads differently from an error.</summary>
    public static string StatusCodes(IEnumerable<StatusCodeStats> codes) => string.Join(", ", codes.Select(c =>
        $"{c.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} ×{c.Count}{(c.IsError ? " fail" : "")}"));

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string[] Row(string name, long all, double rps, MeasurementStats ok, MeasurementStats fail, IReadOnlyList<StatusCodeStats> codes)
    {
        var latency = ok.Count > 0 ? ok.Latency : fail.Latency;
        return
        [
            name, all.ToString(CultureInfo.InvariantCulture), Number(rps), ok.Count.ToString(CultureInfo.InvariantCulture),
            $"{fail.Count} ({Number(fail.Percent)}%)", StatusCodes(codes),
            Number(latency.P50Ms), Number(latency.P75Ms), Number(latency.P95Ms), Number(latency.P99Ms), Number(latency.P999Ms), Number(latency.MaxMs),
        ];
    }
}
