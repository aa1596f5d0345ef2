using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.LoadTests.Runner;
using ProductStore.LoadTests.Scenarios;
using ProductStore.TestSupport;

namespace ProductStore.LoadTests.Tests;

public sealed class HttpSmokeTests
{
    [Fact]
    public async Task A_run_against_a_local_server_records_status_codes_per_step()
    {
        var served = 0;
        await using var server = await StubServer.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Ok(new { hello = "world" }));
            app.MapGet("/flaky", () => Interlocked.Increment(ref served) % 4 == 0 ? Results.StatusCode(503) : Results.NoContent());
            app.MapGet("/limited", () => Results.StatusCode(429));
        });
        using var http = StoreHttp.CreateClient(server.Address);
        var scenario = Scenario.Create("http", async ctx =>
            {
                var ok = await Step.Run("ok", ctx, () => StoreHttp.SendAsync<object>(http, StoreHttp.Get("/ok"), null, ctx.CancellationToken));
                var limited = await Step.Run("limited", ctx, () => StoreHttp.SendAsync<object>(http, StoreHttp.Get("/limited"), null, ctx.CancellationToken, 429));
                var flaky = await Step.Run("flaky", ctx, () => StoreHttp.SendAsync<object>(http, StoreHttp.Get("/flaky"), null, ctx.CancellationToken));
                return flaky;
            })
            .WithLoadSimulations(Simulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var stats = (await TestRuns.RunAsync(scenario)).Scenario("http");

        Assert.InRange(stats.AllCount, 95, 105);
        var ok = Assert.Single(stats.Step("ok").StatusCodes);
        Assert.Equal((200, false, stats.AllCount), (ok.StatusCode, ok.IsError, ok.Count));
        Assert.True(stats.Step("ok").Ok.Bytes >= 17 * stats.AllCount, "response bodies are counted");
        var limited = Assert.Single(stats.Step("limited").StatusCodes);
        Assert.Equal((429, false), (limited.StatusCode, limited.IsError));
        Assert.Equal(0, stats.Step("limited").Fail.Count);
        Assert.Equal(stats.AllCount / 4, stats.Step("flaky").StatusCodes.Single(c => c.StatusCode == 503 && c.IsError).Count);
        Assert.Equal(stats.AllCount - stats.AllCount / 4, stats.Step("flaky").StatusCodes.Single(c => c.StatusCode == 204 && !c.IsError).Count);
        Assert.Equal(stats.AllCount / 4, stats.Fail.Count);
        var error = Assert.Single(stats.Errors);
        Assert.Equal((503, "GET /flaky: 503 Service Unavailable"), (error.StatusCode, error.Message));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_failure_without_a_status_code()
    {
        await using var server = await StubServer.StartAsync(_ => { });
        var address = server.Address;
        await server.DisposeAsync();
        using var http = StoreHttp.CreateClient(address);
        var scenario = Scenario.Create("down", ctx => Step.Run("call", ctx, async () =>
                (Response)await StoreHttp.SendAsync<object>(http, StoreHttp.Get("/"), null, ctx.CancellationToken)))
            .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var stats = (await TestRuns.RunAsync(scenario)).Scenario("down");

        Assert.Equal(stats.AllCount, stats.Fail.Count);
        var code = Assert.Single(stats.StatusCodes);
        Assert.Null(code.StatusCode);
        Assert.StartsWith("HttpRequestException", Assert.Single(stats.Errors).Message);
    }
}
