namespace ProductStore.LoadTests.Stats;

/// <summary>The result of a run: what every report renders and what thresholds judge.</summary>
public sealed record LoadStats(DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<ScenarioStats> Scenarios, IReadOnlyList<ThresholdResult> Thresholds)
{
    public bool Passed => Thresholds.All(t => t.Passed);

    /// <summary>0 when every threshold holds, 1 otherwise: what the process exits with.</summary>
    public int ExitCode => Passed ? 0 : 1;

    public ScenarioStats Scenario(string name) => Scenarios.Single(s => s.Name == name);
}

/// <summary>
/// One scenario's measured run: whole iterations (Ok/Fail), its steps, and per-second points for the charts.
/// <see cref="WarmUp"/> holds the unmeasured warm-up's figures, so every request the run sent is accounted for
/// (a bench counting created orders needs the warm-up's too); thresholds never look at it.
/// </summary>
public sealed record ScenarioStats(
    string Name,
    TimeSpan Duration,
    long AllCount,
    MeasurementStats Ok,
    MeasurementStats Fail,
    IReadOnlyList<StatusCodeStats> StatusCodes,
    IReadOnlyList<ErrorStats> Errors,
    IReadOnlyList<StepStats> Steps,
    IReadOnlyList<TimelinePoint> Timeline,
    ScenarioStats? WarmUp = null)
{
    public double Rps => Duration > TimeSpan.Zero ? AllCount / Duration.TotalSeconds : 0;

    public StepStats Step(string name) => Steps.Single(s => s.Name == name);

    /// <summary>The share (0..100) of iterations that ended with this status code.</summary>
    public double StatusCodePercent(int statusCode) => StatusCodes.Where(c => c.StatusCode == statusCode).Sum(c => c.Percent);
}

public sealed record StepStats(
    string Name,
    long AllCount,
    MeasurementStats Ok,
    MeasurementStats Fail,
    IReadOnlyList<StatusCodeStats> StatusCodes,
    IReadOnlyList<ErrorStats> Errors)
{
    public double StatusCodePercent(int statusCode) => StatusCodes.Where(c => c.StatusCode == statusCode).Sum(c => c.Percent);
}

/// <summary>The OK or the failed share of requests: how many, their share of all (0..100), rate, latency and bytes.</summary>
public sealed record MeasurementStats(long Count, double Percent, double Rps, LatencyStats Latency, long Bytes);

/// <summary>Latency in milliseconds.</summary>
public sealed record LatencyStats(double MinMs, double MeanMs, double P50Ms, double P75Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencyStats From(LatencyHistogram microseconds) => new(
        Ms(microseconds.Min), Math.Round(microseconds.Mean / 1000, 3),
        Ms(microseconds.Percentile(50)), Ms(microseconds.Percentile(75)), Ms(microseconds.Percentile(95)),
        Ms(microseconds.Percentile(99)), Ms(microseconds.Percentile(99.9)), Ms(microseconds.Max));

    private static double Ms(long microseconds) => microseconds / 1000.0;
}

/// <summary>How often a status code came back; null means no HTTP answer (an exception). IsError says whether it counted as a failure.</summary>
public sealed record StatusCodeStats(int? StatusCode, bool IsError, long Count, double Percent);

public sealed record ErrorStats(int? StatusCode, string Message, long Count);

/// <summary>One second of the measured run, by completion time.</summary>
public sealed record TimelinePoint(int Second, long OkCount, long FailCount, double P50Ms, double P99Ms);

public sealed record ThresholdResult(string Scenario, string Description, bool Passed, string? Error);
