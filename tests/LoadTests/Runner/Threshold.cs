using System.Runtime.CompilerServices;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Runner;

/// <summary>A condition on a scenario's stats that must hold for the run to pass (and the process to exit 0).</summary>
public sealed record Threshold(string Scenario, string Description, Func<ScenarioStats, bool> Check)
{
    /// <summary>The description defaults to the condition's source text, e.g. "s => s.Fail.Percent < 1".</summary>
    public static Threshold Create(string scenario, Func<ScenarioStats, bool> check, [CallerArgumentExpression(nameof(check))] string description = "") =>
        new(scenario, description, check);

    /// <summary>A threshold naming a scenario that did not run fails: a typo must not pass silently.</summary>
    public ThresholdResult Evaluate(IReadOnlyList<ScenarioStats> scenarios)
    {
        if (scenarios.FirstOrDefault(s => s.Name == Scenario) is not { } stats)
            return new ThresholdResult(Scenario, Description, false, $"No scenario named '{Scenario}' ran.");
        try
        {
            return new ThresholdResult(Scenario, Description, Check(stats), null);
        }
        catch (Exception exception)
        {
            return new ThresholdResult(Scenario, Description, false, $"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
