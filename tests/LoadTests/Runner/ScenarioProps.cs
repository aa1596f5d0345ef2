namespace ProductStore.LoadTests.Runner;

public static class Scenario
{
    /// <summary>A scenario: <paramref name="run"/> is one iteration of one virtual user; its response counts as the iteration's outcome.</summary>
    public static ScenarioProps Create(string name, Func<ScenarioContext, Task<Response>> run) => new(name, run);

    /// <summary>The same, for an iteration that ends with a step's typed response (Task is not covariant).</summary>
    public static ScenarioProps Create<T>(string name, Func<ScenarioContext, Task<Response<T>>> run) => new(name, async ctx => await run(ctx));
}

/// <summary>A scenario and how to load it. Immutable: every With* returns a copy.</summary>
public sealed record ScenarioProps(string Name, Func<ScenarioContext, Task<Response>> Run)
{
    public Func<CancellationToken, Task>? Init { get; init; }
    public Func<CancellationToken, Task>? Clean { get; init; }
    public Func<int, object?>? UserData { get; init; }
    public TimeSpan WarmUpDuration { get; init; }
    public IReadOnlyList<LoadSimulation> Simulations { get; init; } = [Simulation.KeepConstant(1, TimeSpan.FromSeconds(30))];

    public TimeSpan Duration => Simulations.Aggregate(TimeSpan.Zero, (total, s) => total + s.During);

    /// <summary>Runs once before any load (registering users, discovering products); a failure aborts the run.</summary>
    public ScenarioProps WithInit(Func<CancellationToken, Task> init) => this with { Init = init };

    public ScenarioProps WithClean(Func<CancellationToken, Task> clean) => this with { Clean = clean };

    /// <summary>Makes each virtual user's own state from its instance number, once, after Init.</summary>
    public ScenarioProps WithUserData(Func<int, object?> create) => this with { UserData = create };

    /// <summary>Load applied before measuring (the same simulations, cut to this length); nothing it does is recorded.</summary>
    public ScenarioProps WithWarmUpDuration(TimeSpan duration) => this with { WarmUpDuration = duration };

    public ScenarioProps WithLoadSimulations(params LoadSimulation[] simulations) =>
        this with { Simulations = simulations.Length > 0 ? simulations : throw new ArgumentException("At least one load simulation is needed.", nameof(simulations)) };
}
