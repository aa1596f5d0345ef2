namespace ProductStore.LoadTests.Runner;

/// <summary>One phase of load. Phases of a scenario run one after another.</summary>
public abstract record LoadSimulation(TimeSpan During);

/// <summary>Open model: <paramref name="Rate"/> iterations per <paramref name="Interval"/>, started on schedule whether or not earlier ones finished.</summary>
public sealed record InjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During);

/// <summary>Open model, rate changing linearly from the previous phase's rate (0 at first) to <paramref name="Rate"/>.</summary>
public sealed record RampingInjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During);

/// <summary>Closed model: <paramref name="Copies"/> virtual users, each starting its next iteration when the last one ends.</summary>
public sealed record KeepConstantSimulation(int Copies, TimeSpan During) : LoadSimulation(During);

public static class Simulation
{
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) =>
        new InjectSimulation(Positive(rate, nameof(rate)), PositiveTime(interval, nameof(interval)), PositiveTime(during, nameof(during)));

    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) =>
        new RampingInjectSimulation(Math.Max(0, rate), PositiveTime(interval, nameof(interval)), PositiveTime(during, nameof(during)));

    public static LoadSimulation KeepConstant(int copies, TimeSpan during) =>
        new KeepConstantSimulation(Positive(copies, nameof(copies)), PositiveTime(during, nameof(during)));

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive.");

    private static TimeSpan PositiveTime(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
}
