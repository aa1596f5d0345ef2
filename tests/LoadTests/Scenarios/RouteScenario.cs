using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>One GET of <see cref="LoadOptions.Path"/> per iteration: the work wrk does, to check the runner's own throughput against it.</summary>
internal static class RouteScenario
{
    public static ScenarioProps Create(string name, HttpClient http, LoadOptions options) =>
        options.Shape(Scenario.Create(name, async ctx =>
            await StoreHttp.SendAsync<object>(http, StoreHttp.Get(options.Path), null, ctx.CancellationToken)));
}
