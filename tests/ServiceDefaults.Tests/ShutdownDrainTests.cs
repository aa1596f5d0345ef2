using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProductStore.ServiceDefaults.Tests;

/// <summary>On stop a service first says not ready while still serving for the drain delay, then stops accepting.</summary>
public sealed class ShutdownDrainTests
{
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Stopping_turns_readiness_503_keeps_serving_for_the_drain_delay_then_stops()
    {
        var app = await TestApp.StartAsync(a => a.MapGet("/work", () => "done"),
            settings: new() { ["Shutdown:DrainDelay"] = DrainDelay.ToString() });
        await using var _ = app;
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/health/ready")).StatusCode);

        var stopwatch = Stopwatch.StartNew();
        var stopping = app.App.StopAsync(TestContext.Current.CancellationToken);
        await WaitForAsync(async () => (await app.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);

        // Not ready, yet every request still gets served while the delay lasts.
        Assert.True(stopwatch.Elapsed < DrainDelay - TimeSpan.FromMilliseconds(500), $"took {stopwatch.Elapsed}");
        for (var i = 0; i < 5; i++) Assert.Equal("done", await app.Client.GetStringAsync("/work"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/health/live")).StatusCode);
        Assert.False(stopping.IsCompleted);

        await stopping;
        Assert.True(stopwatch.Elapsed >= DrainDelay, $"stopped after {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => app.Client.GetAsync("/work"));
    }

    [Fact]
    public async Task Outside_production_there_is_no_delay_unless_configured()
    {
        var app = await TestApp.StartAsync(_ => { });
        await using var _ = app;

        var stopwatch = Stopwatch.StartNew();
        await app.App.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {stopwatch.Elapsed}");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(20);
        }
    }
}
