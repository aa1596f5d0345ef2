using ProductStore.LoadTests.Runner;
using ProductStore.LoadTests.Scenarios;

namespace ProductStore.EndToEnd.Tests;

/// <summary>Every load scenario for a few seconds at a low rate against the real system: no failures, sane figures.</summary>
public sealed class LoadScenarioSmokeTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private readonly ProductStoreSystem _system = fixture.System;

    [Theory]
    [InlineData("browse")]
    [InlineData("shopper")]
    [InlineData("login-storm")]
    [InlineData("admin-mixed")]
    public async Task A_scenario_runs_without_failures(string name)
    {
        using var http = StoreHttp.CreateClient(_system.Gateway);
        var options = new LoadOptions
        {
            Rate = 10,
            Duration = TimeSpan.FromSeconds(3),
            WarmUp = TimeSpan.Zero,
            Users = 40,
            DiscoveryPages = 2,
            AdminEmail = ProductStoreSystem.AdminEmail,
            AdminPassword = ProductStoreSystem.AdminPassword,
        };

        var stats = await LoadRunner.RegisterScenarios(Scenarios.ByName[name](http, options)).WithConsole(null).RunAsync(TestContext.Current.CancellationToken);

        var scenario = stats.Scenario(name);
        Assert.True(scenario.Fail.Count == 0, $"{name}: {scenario.Fail.Count} failures: {string.Join("; ", scenario.Errors.Select(e => $"{e.StatusCode} {e.Message} x{e.Count}"))}");
        Assert.InRange(scenario.Ok.Count, 20, 40);
        Assert.InRange(scenario.Rps, 5, 15);
        Assert.True(scenario.Ok.Latency.P99Ms is > 0 and < 5000, $"p99 {scenario.Ok.Latency.P99Ms} ms");
    }
}
