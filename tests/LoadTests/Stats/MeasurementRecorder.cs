using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Stats;

/// <summary>
/// Live counters of one step (or of whole iterations): lock-free, shared by every thread.
/// Status codes count in fixed arrays; failure messages, rarer, in a concurrent dictionary.
/// </summary>
internal sealed class MeasurementRecorder(string name, int order)
{
    private const int StatusCodeSlots = 600;

    private readonly long[] _okCodes = new long[StatusCodeSlots];
    private readonly long[] _failCodes = new long[StatusCodeSlots];
    private readonly ConcurrentDictionary<(int?, string), StrongBox<long>> _errors = new();
    private long _okBytes;
    private long _failBytes;

    public string Name { get; } = name;
    public int Order { get; } = order;
    public LatencyHistogram Ok { get; } = new();
    public LatencyHistogram Fail { get; } = new();

    public void Record(Response response, long microseconds)
    {
        var slot = response.StatusCode is >= 100 and < StatusCodeSlots ? response.StatusCode.Value : 0;
        if (response.IsError)
        {
            Fail.Record(microseconds);
            Interlocked.Increment(ref _failCodes[slot]);
            Interlocked.Add(ref _failBytes, response.SizeBytes);
            var error = _errors.GetOrAdd((response.StatusCode, response.Message ?? ""), static _ => new StrongBox<long>());
            Interlocked.Increment(ref error.Value);
        }
        else
        {
            Ok.Record(microseconds);
            Interlocked.Increment(ref _okCodes[slot]);
            Interlocked.Add(ref _okBytes, response.SizeBytes);
        }
    }

    public StepStats ToStats(TimeSpan duration)
    {
        var all = Ok.Count + Fail.Count;
        return new StepStats(Name, all, Measurement(Ok, _okBytes, all, duration), Measurement(Fail, _failBytes, all, duration), StatusCodes(all), Errors());
    }

    private static MeasurementStats Measurement(LatencyHistogram histogram, long bytes, long all, TimeSpan duration) => new(
        histogram.Count, Percent(histogram.Count, all),
        duration > TimeSpan.Zero ? Math.Round(histogram.Count / duration.TotalSeconds, 1) : 0,
        LatencyStats.From(histogram), bytes);

    private List<StatusCodeStats> StatusCodes(long all)
    {
        var codes = new List<StatusCodeStats>();
        for (var slot = 0; slot < StatusCodeSlots; slot++)
        {
            int? code = slot == 0 ? null : slot;
            if (_okCodes[slot] > 0) codes.Add(new StatusCodeStats(code, false, _okCodes[slot], Percent(_okCodes[slot], all)));
            if (_failCodes[slot] > 0) codes.Add(new StatusCodeStats(code, true, _failCodes[slot], Percent(_failCodes[slot], all)));
        }
        return codes;
    }

    private List<ErrorStats> Errors() =>
        _errors.Select(e => new ErrorStats(e.Key.Item1, e.Key.Item2, e.Value.Value)).OrderByDescending(e => e.Count).Take(20).ToList();

    private static double Percent(long part, long all) => all == 0 ? 0 : Math.Round(100.0 * part / all, 3);
}
