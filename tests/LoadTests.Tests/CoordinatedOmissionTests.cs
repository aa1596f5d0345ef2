using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Tests;

public sealed class CoordinatedOmissionTests
{
    /// <summary>
    /// One iteration blocks the generator for 200 ms. The ~40 iterations due meanwhile start late; timed from their intended start
    /// they show 200 ms down to 0 (about 10% of 400), where timing from the actual start would show one slow request in 400.
    /// </summary>
    [Fact]
    public async Task A_stall_is_charged_to_the_iterations_queued_behind_it()
    {
        var invocations = 0;
        var scenario = Scenario.Create("stall", ctx => Step.Run("call", ctx, () =>
            {
                if (Interlocked.Increment(ref invocations) == 100) Thread.Sleep(200);
                return Task.FromResult(Response.Ok(statusCode: 200));
            }))
            .WithLoadSimulations(Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

        var stats = (await LoadRunner.RegisterScenarios(scenario).WithConsole(null).RunAsync()).Scenario("stall");

        Assert.InRange(stats.Ok.Count, 380, 420);
        Assert.True(stats.Ok.Latency.MaxMs >= 195, $"max {stats.Ok.Latency.MaxMs} ms");
        Assert.True(stats.Ok.Latency.P95Ms >= 80, $"p95 {stats.Ok.Latency.P95Ms} ms: queued iterations were not charged their wait");
        Assert.True(stats.Ok.Latency.P50Ms < 20, $"p50 {stats.Ok.Latency.P50Ms} ms");
        // The first step starts its clock at the intended time too.
        Assert.True(stats.Step("call").Ok.Latency.P95Ms >= 80, $"step p95 {stats.Step("call").Ok.Latency.P95Ms} ms");
    }
}
