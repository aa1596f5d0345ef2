using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Tests;

public sealed class ThresholdTests
{
    [Fact]
    public async Task Thresholds_that_hold_pass_and_the_exit_code_is_zero()
    {
        var stats = await TestRuns.RunAsync(TestRuns.OneInTenFails("checkout"),
            Threshold.Create("checkout", s => s.Fail.Percent < 20),
            Threshold.Create("checkout", s => s.Ok.Latency.P99Ms < 400),
            Threshold.Create("checkout", s => s.StatusCodePercent(500) < 15));

        Assert.All(stats.Thresholds, t => Assert.True(t.Passed, t.Description));
        Assert.True(stats.Passed);
        Assert.Equal(0, stats.ExitCode);
    }

    [Fact]
    public async Task A_broken_threshold_fails_the_run_with_exit_code_one()
    {
        var stats = await TestRuns.RunAsync(TestRuns.OneInTenFails("checkout"),
            Threshold.Create("checkout", s => s.Fail.Percent < 1),
            Threshold.Create("checkout", s => s.Ok.Latency.P99Ms < 400));

        Assert.False(stats.Thresholds[0].Passed);
        Assert.Equal("s => s.Fail.Percent < 1", stats.Thresholds[0].Description);
        Assert.True(stats.Thresholds[1].Passed);
        Assert.InRange(stats.Scenario("checkout").Fail.Percent, 9, 11);
        Assert.Equal(1, stats.ExitCode);
    }

    [Fact]
    public async Task A_status_code_share_can_break_a_threshold()
    {
        var stats = await TestRuns.RunAsync(TestRuns.OneInTenFails("checkout"), Threshold.Create("checkout", s => s.StatusCodePercent(500) < 5));

        Assert.False(stats.Passed);
        Assert.InRange(stats.Scenario("checkout").StatusCodePercent(500), 9, 11);
        Assert.InRange(stats.Scenario("checkout").StatusCodePercent(201), 89, 91);
    }

    [Fact]
    public async Task A_threshold_on_an_unknown_scenario_or_that_throws_fails_with_the_reason()
    {
        var stats = await TestRuns.RunAsync(TestRuns.OneInTenFails("checkout"),
            Threshold.Create("chekout", s => s.Fail.Percent < 100),
            Threshold.Create("checkout", s => s.Step("no such step").Ok.Count > 0));

        Assert.Contains("No scenario named 'chekout'", stats.Thresholds[0].Error);
        Assert.StartsWith("InvalidOperationException", stats.Thresholds[1].Error);
        Assert.Equal(1, stats.ExitCode);
    }
}
