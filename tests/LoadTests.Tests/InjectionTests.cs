using System.Collections.Concurrent;
using System.Diagnostics;
using ProductStore.LoadTests.Reports;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Tests;

public sealed class InjectionTests
{
    [Fact]
    public async Task Inject_starts_the_requested_rate_spaced_evenly_by_intended_start()
    {
        var intendedStarts = new ConcurrentQueue<long>();
        var lags = new ConcurrentQueue<TimeSpan>();
        var scenario = Scenario.Create("no-op", ctx =>
            {
                intendedStarts.Enqueue(ctx.IntendedStart);
                lags.Enqueue(Stopwatch.GetElapsedTime(ctx.IntendedStart));
                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

        var stats = await LoadRunner.RegisterScenarios(scenario).WithConsole(null).RunAsync();

        Assert.InRange(stats.Scenario("no-op").AllCount, 380, 420);
        Assert.InRange(stats.Scenario("no-op").Rps, 190, 210);
        var spacings = intendedStarts.Order().Zip(intendedStarts.Order().Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToList();
        Assert.True(spacings.All(s => s is > 4.99 and < 5.01), string.Join(",", spacings.Where(s => s is <= 4.99 or >= 5.01)) + " n=" + intendedStarts.Count);
        Assert.All(lags, lag => Assert.True(lag >= TimeSpan.Zero, "an iteration started before its intended time"));
        Assert.True(lags.Order().ElementAt(lags.Count / 2) < TimeSpan.FromMilliseconds(10), "the median start lag should be about the timer's resolution");
    }

    [Fact]
    public async Task RampingInject_ramps_linearly_from_the_previous_rate()
    {
        var scenario = Scenario.Create("ramp", _ => Task.FromResult(Response.Ok()))
            .WithLoadSimulations(
                Simulation.RampingInject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
                Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var stats = await LoadRunner.RegisterScenarios(scenario).WithConsole(null).RunAsync();

        // A ramp from 0 to 200/s over 2 s injects the triangle's area (200), then 1 s at 200/s adds 200.
        Assert.InRange(stats.Scenario("ramp").AllCount, 380, 420);
        var firstSecond = stats.Scenario("ramp").Timeline.Single(p => p.Second == 0).OkCount;
        Assert.InRange(firstSecond, 35, 65);
    }

    [Theory]
    [InlineData(100.0, 0.0, 7, 0.07)]
    [InlineData(0.0, 100.0, 50, 1.0)]
    [InlineData(100.0, -50.0, 75, 1.0)]
    public void The_kth_injection_is_due_when_the_rate_integral_reaches_k(double rate, double slope, long k, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, ScenarioEngine.OffsetOf(k, rate, slope), 6);

    [Fact]
    public async Task KeepConstant_runs_each_copy_as_its_own_virtual_user_with_its_own_data()
    {
        var dataMade = new ConcurrentBag<int>();
        var seenBy = new ConcurrentDictionary<int, ConcurrentBag<int>>();
        var scenario = Scenario.Create("closed", async ctx =>
            {
                seenBy.GetOrAdd(ctx.ScenarioInstanceNumber, _ => []).Add(ctx.GetData<int>());
                await Task.Delay(10);
                return Response.Ok();
            })
            .WithUserData(instance =>
            {
                dataMade.Add(instance);
                return instance * 10;
            })
            .WithLoadSimulations(Simulation.KeepConstant(4, TimeSpan.FromSeconds(1)));

        var stats = await LoadRunner.RegisterScenarios(scenario).WithConsole(null).RunAsync();

        Assert.Equal([0, 1, 2, 3], seenBy.Keys.Order());
        Assert.All(seenBy, user => Assert.All(user.Value, data => Assert.Equal(user.Key * 10, data)));
        Assert.Equal([0, 1, 2, 3], dataMade.Order());
        Assert.InRange(stats.Scenario("closed").AllCount, 150, 410);
    }

    [Fact]
    public async Task Warm_up_load_is_applied_and_reported_apart_from_the_measured_figures()
    {
        var calls = 0;
        var scenario = Scenario.Create("warm", _ =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult(Response.Ok(statusCode: 201));
            })
            .WithWarmUpDuration(TimeSpan.FromSeconds(1))
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var folder = Path.Combine(Path.GetTempPath(), $"warm-up-{Guid.NewGuid():N}");

        try
        {
            var stats = await LoadRunner.RegisterScenarios(scenario).WithConsole(null).WithReportFolder(folder).RunAsync();

            var (measured, warmUp) = (stats.Scenario("warm"), stats.Scenario("warm").WarmUp!);
            Assert.InRange(measured.AllCount, 95, 105);
            Assert.InRange(warmUp.AllCount, 95, 105);
            Assert.Equal(calls, measured.AllCount + warmUp.AllCount);
            Assert.Null(warmUp.WarmUp);
            var read = LoadReports.ReadJson(await File.ReadAllTextAsync(Directory.GetFiles(folder, "*.json").Single()))!;
            Assert.Equal(warmUp.StatusCodes, read.Scenario("warm").WarmUp!.StatusCodes);
            Assert.Contains($"warm-up (not in the figures above): {warmUp.AllCount} iterations, 0 failed; status codes 201 ×{warmUp.AllCount}.",
                await File.ReadAllTextAsync(Directory.GetFiles(folder, "*.md").Single()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
