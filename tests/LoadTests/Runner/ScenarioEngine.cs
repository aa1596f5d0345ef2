using System.Collections.Concurrent;
using System.Diagnostics;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Runner;

/// <summary>
/// Drives one scenario: warm-up, then the measured simulations. The open model starts iterations from one pacing loop, inline
/// (no Task.Run per request), and times each from its intended start, so a stall delays and charges the queued iterations
/// instead of hiding them (no coordinated omission, as in wrk2). Pacing rides on the timer, so it adds up to about 1 ms.
/// </summary>
internal sealed class ScenarioEngine(ScenarioProps scenario, TimeSpan drainTimeout)
{
    private readonly ConcurrentQueue<ScenarioContext> _idle = new();
    private int _instances;
    private long _inFlight;

    public string Name => scenario.Name;

    /// <summary>The recorder filling now, for the progress line; <see cref="IsWarmingUp"/> tells whether it counts.</summary>
    public ScenarioRecorder? Live { get; private set; }

    public bool IsWarmingUp { get; private set; }

    public async Task<ScenarioStats> RunAsync(CancellationToken cancellationToken)
    {
        ScenarioStats? warmUp = null;
        if (scenario.WarmUpDuration > TimeSpan.Zero)
        {
            IsWarmingUp = true;
            var warmUpRecorder = new ScenarioRecorder(Name, scenario.WarmUpDuration);
            await RunPhasesAsync(warmUpRecorder, CutTo(scenario.WarmUpDuration), cancellationToken);
            warmUp = warmUpRecorder.ToStats(scenario.WarmUpDuration);
            IsWarmingUp = false;
        }
        var recorder = new ScenarioRecorder(Name, scenario.Duration);
        await RunPhasesAsync(recorder, scenario.Simulations, cancellationToken);
        return recorder.ToStats(scenario.Duration) with { WarmUp = warmUp };
    }

    private async Task RunPhasesAsync(ScenarioRecorder recorder, IReadOnlyList<LoadSimulation> phases, CancellationToken cancellationToken)
    {
        Live = recorder;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var phaseStart = Stopwatch.GetTimestamp();
        var ratePerSecond = 0.0;
        foreach (var phase in phases)
        {
            switch (phase)
            {
                case InjectSimulation inject:
                    ratePerSecond = inject.Rate / inject.Interval.TotalSeconds;
                    await InjectAsync(recorder, phaseStart, ratePerSecond, ratePerSecond, phase.During, stop.Token);
                    break;
                case RampingInjectSimulation ramp:
                    var target = ramp.Rate / ramp.Interval.TotalSeconds;
                    await InjectAsync(recorder, phaseStart, ratePerSecond, target, phase.During, stop.Token);
                    ratePerSecond = target;
                    break;
                case KeepConstantSimulation keep:
                    await KeepConstantAsync(recorder, Clock.After(phaseStart, phase.During.TotalSeconds), keep.Copies, stop.Token);
                    break;
            }
            phaseStart = Clock.After(phaseStart, phase.During.TotalSeconds);
        }
        // Injected iterations still running get the drain timeout, then their cancellation token fires.
        stop.CancelAfter(drainTimeout);
        while (Interlocked.Read(ref _inFlight) > 0)
            await Task.Delay(5, CancellationToken.None);
    }

    private async Task InjectAsync(ScenarioRecorder recorder, long phaseStart, double fromRate, double toRate, TimeSpan during, CancellationToken stop)
    {
        var seconds = during.TotalSeconds;
        var slope = (toRate - fromRate) / seconds;
        for (long k = 0; !stop.IsCancellationRequested; k++)
        {
            var offset = OffsetOf(k, fromRate, slope);
            if (!(offset < seconds)) break;
            var intendedStart = Clock.After(phaseStart, offset);
            // The timer runs on a millisecond tick and may fire a little early: wait again rather than start before time.
            for (var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intendedStart); wait > TimeSpan.Zero && !stop.IsCancellationRequested;
                 wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intendedStart))
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested) break;
            _ = RunInjectedAsync(Rent(), recorder, intendedStart, stop);
        }
    }

    /// <summary>When the k-th injection is due, in seconds from the phase start: the time at which the rate's integral reaches k.</summary>
    internal static double OffsetOf(long k, double rate, double slope) =>
        Math.Abs(slope) < 1e-9 ? (rate > 0 ? k / rate : double.PositiveInfinity)
        : (Math.Sqrt(rate * rate + 2 * slope * k) - rate) / slope;

    private async Task RunInjectedAsync(ScenarioContext user, ScenarioRecorder recorder, long intendedStart, CancellationToken stop)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await IterateAsync(user, recorder, intendedStart, stop);
        }
        finally
        {
            _idle.Enqueue(user);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task KeepConstantAsync(ScenarioRecorder recorder, long end, int copies, CancellationToken stop)
    {
        var users = Enumerable.Range(0, copies).Select(_ => Rent()).ToList();
        await Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            // Closed model: a user's next iteration starts when its last one ended, so intended start = actual start.
            while (Stopwatch.GetTimestamp() < end && !stop.IsCancellationRequested)
                await IterateAsync(user, recorder, Stopwatch.GetTimestamp(), stop);
        }, CancellationToken.None)));
        foreach (var user in users) _idle.Enqueue(user);
    }

    private async Task IterateAsync(ScenarioContext user, ScenarioRecorder recorder, long intendedStart, CancellationToken stop)
    {
        user.BeginIteration(recorder, intendedStart, stop);
        Response response;
        try
        {
            response = await scenario.Run(user);
        }
        catch (Exception exception)
        {
            response = Response.FromException<object>(exception);
        }
        var end = Stopwatch.GetTimestamp();
        recorder.RecordIteration(response, Clock.Microseconds(intendedStart, end), end);
    }

    private ScenarioContext Rent()
    {
        if (_idle.TryDequeue(out var idle)) return idle;
        var instance = Interlocked.Increment(ref _instances) - 1;
        return new ScenarioContext(Name, instance, scenario.UserData?.Invoke(instance));
    }

    private List<LoadSimulation> CutTo(TimeSpan length)
    {
        var cut = new List<LoadSimulation>();
        foreach (var phase in scenario.Simulations)
        {
            if (length <= TimeSpan.Zero) break;
            cut.Add(phase.During <= length ? phase : phase with { During = length });
            length -= phase.During;
        }
        return cut;
    }
}
