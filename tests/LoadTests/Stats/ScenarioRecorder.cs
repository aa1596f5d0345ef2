using System.Collections.Concurrent;
using System.Diagnostics;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Stats;

/// <summary>Everything one scenario run records: whole iterations, each step, and a per-second timeline. Lock-free.</summary>
internal sealed class ScenarioRecorder(string scenario, TimeSpan plannedDuration)
{
    private readonly ConcurrentDictionary<string, MeasurementRecorder> _steps = new();
    private readonly TimelineSlot?[] _timeline = new TimelineSlot?[(int)Math.Ceiling(plannedDuration.TotalSeconds) + 1];
    private int _stepOrder;

    public string Scenario { get; } = scenario;
    public long StartedAt { get; } = Stopwatch.GetTimestamp();
    public MeasurementRecorder Iterations { get; } = new(scenario, 0);

    public MeasurementRecorder Step(string name) =>
        _steps.TryGetValue(name, out var step) ? step : _steps.GetOrAdd(name, n => new MeasurementRecorder(n, Interlocked.Increment(ref _stepOrder)));

    public void RecordIteration(Response response, long microseconds, long completedAt)
    {
        Iterations.Record(response, microseconds);
        var second = (int)Math.Clamp(Stopwatch.GetElapsedTime(StartedAt, completedAt).TotalSeconds, 0, _timeline.Length - 1);
        var slot = Volatile.Read(ref _timeline[second]) ?? Interlocked.CompareExchange(ref _timeline[second], new TimelineSlot(), null) ?? _timeline[second]!;
        slot.Record(response.IsError, microseconds);
    }

    public ScenarioStats ToStats(TimeSpan duration)
    {
        var total = Iterations.ToStats(duration);
        var steps = _steps.Values.OrderBy(s => s.Order).Select(s => s.ToStats(duration)).ToList();
        var timeline = _timeline.Select((slot, second) => slot?.ToPoint(second)).OfType<TimelinePoint>().ToList();
        return new ScenarioStats(Scenario, duration, total.AllCount, total.Ok, total.Fail, total.StatusCodes, total.Errors, steps, timeline);
    }

    private sealed class TimelineSlot
    {
        private readonly LatencyHistogram _ok = new();
        private long _fail;

        public void Record(bool isError, long microseconds)
        {
            if (isError) Interlocked.Increment(ref _fail);
            else _ok.Record(microseconds);
        }

        public TimelinePoint ToPoint(int second) => new(second, _ok.Count, _fail, _ok.Percentile(50) / 1000.0, _ok.Percentile(99) / 1000.0);
    }
}
