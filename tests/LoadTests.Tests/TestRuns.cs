using ProductStore.LoadTests.Runner;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Tests;

/// <summary>Short real runs of in-process scenarios for tests that need stats.</summary>
internal static class TestRuns
{
    /// <summary>100 iterations/s for 1 s through two steps; every tenth iteration fails its second step with a 500.</summary>
    public static ScenarioProps OneInTenFails(string name)
    {
        var invocations = 0;
        return Scenario.Create(name, async ctx =>
            {
                var first = await Step.Run("first", ctx, () => Task.FromResult(Response.Ok(statusCode: 200, sizeBytes: 10)));
                if (first.IsError) return first;
                var failing = Interlocked.Increment(ref invocations) % 10 == 0;
                return await Step.Run("second", ctx, async () =>
                {
                    await Task.Delay(1);
                    return failing ? Response.Fail(statusCode: 500, message: "boom") : Response.Ok(statusCode: 201);
                });
            })
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    public static Task<LoadStats> RunAsync(ScenarioProps scenario, params Threshold[] thresholds) =>
        LoadRunner.RegisterScenarios(scenario).WithThresholds(thresholds).WithConsole(null).RunAsync();
}
