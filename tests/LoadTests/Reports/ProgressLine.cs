using System.Globalization;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Reports;

/// <summary>The one line refreshed every second while a run goes on: per scenario, requests, ok/fail and p99 so far.</summary>
internal static class ProgressLine
{
    public static string Format(IEnumerable<ScenarioEngine> engines, TimeSpan elapsed) =>
        $"{elapsed:mm\\:ss} " + string.Join(" | ", engines.Select(Format));

    private static string Format(ScenarioEngine engine)
    {
        if (engine.Live is not { } live) return $"{engine.Name}: setting up";
        var iterations = live.Iterations;
        var p99 = iterations.Ok.Percentile(99) / 1000.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{engine.Name}{(engine.IsWarmingUp ? " (warm-up)" : "")}: ok {iterations.Ok.Count} fail {iterations.Fail.Count} p99 {p99:0.#} ms");
    }
}
