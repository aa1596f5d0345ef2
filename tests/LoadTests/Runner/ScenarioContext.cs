using System.Diagnostics;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Runner;

/// <summary>
/// One virtual user of a scenario. An instance runs one iteration at a time, so its <see cref="Data"/> is the user's own:
/// in the closed model each copy is an instance; in the open model instances are pooled and reused by later injections.
/// </summary>
public sealed class ScenarioContext
{
    private long _firstStepStart;

    internal ScenarioContext(string scenarioName, int instanceNumber, object? data)
    {
        ScenarioName = scenarioName;
        ScenarioInstanceNumber = instanceNumber;
        Data = data;
    }

    public string ScenarioName { get; }

    /// <summary>0, 1, 2, ... per scenario; stable for the instance's lifetime.</summary>
    public int ScenarioInstanceNumber { get; }

    /// <summary>How many iterations this instance has started, counting the current one.</summary>
    public long InvocationNumber { get; private set; }

    /// <summary>The per-user object the scenario's <see cref="ScenarioProps.WithUserData"/> factory made for this instance.</summary>
    public object? Data { get; }

    public CancellationToken CancellationToken { get; private set; }

    internal ScenarioRecorder Recorder { get; private set; } = null!;

    /// <summary>The Stopwatch timestamp the current iteration was scheduled for.</summary>
    internal long IntendedStart { get; private set; }

    public T GetData<T>() => (T)Data!;

    internal void BeginIteration(ScenarioRecorder recorder, long intendedStart, CancellationToken cancellationToken)
    {
        Recorder = recorder;
        CancellationToken = cancellationToken;
        InvocationNumber++;
        IntendedStart = intendedStart;
        _firstStepStart = intendedStart;
    }

    /// <summary>
    /// When the next step's clock starts: the first step of an iteration starts at the iteration's intended time, so any wait
    /// for the load generator (coordinated omission) is charged to it; later steps start when they are called.
    /// </summary>
    internal long TakeStepStart()
    {
        var start = _firstStepStart;
        _firstStepStart = 0;
        return start != 0 ? start : Stopwatch.GetTimestamp();
    }
}
