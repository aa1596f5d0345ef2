using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>The shop's load scenarios against the gateway, callable from code (a test can run one for a few seconds) and by name from the command line.</summary>
public static class Scenarios
{
    public static readonly IReadOnlyDictionary<string, Func<HttpClient, LoadOptions, ScenarioProps>> ByName =
        new Dictionary<string, Func<HttpClient, LoadOptions, ScenarioProps>>(StringComparer.OrdinalIgnoreCase)
        {
            ["browse"] = Browse,
            ["shopper"] = Shopper,
            ["login-storm"] = LoginStorm,
            ["admin-mixed"] = AdminMixed,
            ["route"] = Route,
        };

    public static ScenarioProps Browse(HttpClient http, LoadOptions options) => BrowseScenario.Create("browse", http, options);

    public static ScenarioProps Shopper(HttpClient http, LoadOptions options) => ShopperScenario.Create("shopper", http, options);

    public static ScenarioProps LoginStorm(HttpClient http, LoadOptions options) => LoginStormScenario.Create("login-storm", http, options);

    public static ScenarioProps AdminMixed(HttpClient http, LoadOptions options) => AdminMixedScenario.Create("admin-mixed", http, options);

    public static ScenarioProps Route(HttpClient http, LoadOptions options) => RouteScenario.Create("route", http, options);
}
