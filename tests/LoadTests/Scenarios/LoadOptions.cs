using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>How hard and how long each scenario runs, and what its setup needs.</summary>
public sealed record LoadOptions
{
    /// <summary>Iterations per second (open model); null runs <see cref="Concurrency"/> looping users instead (closed model).</summary>
    public int? Rate { get; init; }

    /// <summary>With a rate: the time the rate ramps up from 0 before holding it.</summary>
    public TimeSpan RampUp { get; init; }

    public int Concurrency { get; init; } = 10;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Users registered in setup: the shopper pool (one per concurrent journey) and the login storm's accounts.</summary>
    public int Users { get; init; } = 20;

    public string? AdminEmail { get; init; }
    public string? AdminPassword { get; init; }

    /// <summary>admin-mixed: the share (0..100) of iterations that write.</summary>
    public int WritePercent { get; init; } = 10;

    /// <summary>route: the path every iteration gets.</summary>
    public string Path { get; init; } = "/api/catalog/products?limit=20&sort=price";

    /// <summary>Catalog pages (of 100) read in setup to find products.</summary>
    public int DiscoveryPages { get; init; } = 10;

    public LoadSimulation[] Simulations() => Rate switch
    {
        null => [Simulation.KeepConstant(Concurrency, Duration)],
        { } rate when RampUp > TimeSpan.Zero => [Simulation.RampingInject(rate, TimeSpan.FromSeconds(1), RampUp), Simulation.Inject(rate, TimeSpan.FromSeconds(1), Duration)],
        { } rate => [Simulation.Inject(rate, TimeSpan.FromSeconds(1), Duration)],
    };

    /// <summary>Applies the options' load and warm-up to a scenario.</summary>
    public ScenarioProps Shape(ScenarioProps scenario) => scenario.WithWarmUpDuration(WarmUp).WithLoadSimulations(Simulations());
}
