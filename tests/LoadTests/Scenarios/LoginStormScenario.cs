using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>
/// Many logins at once, mostly right and one in ten with a wrong password. Expected outcomes, counted as OK and listed by status code:
/// 429 (the gateway's rate limiter doing its job) and, for the wrong password, 401. Anything else, including 401 for a right password, fails.
/// </summary>
internal static class LoginStormScenario
{
    public static ScenarioProps Create(string name, HttpClient http, LoadOptions options)
    {
        IReadOnlyList<UserSession> users = [];
        return options.Shape(Scenario.Create(name, ctx => IterateAsync(http, users, ctx))
            .WithInit(async cancellationToken => users = await UserPool.CreateAsync(http, options.Users, logIn: false, cancellationToken)));
    }

    private static Task<Response> IterateAsync(HttpClient http, IReadOnlyList<UserSession> users, ScenarioContext ctx)
    {
        var user = users[Random.Shared.Next(users.Count)];
        var wrongPassword = Random.Shared.Next(10) == 0;
        int[] expected = wrongPassword ? [401, 429] : [429];
        return Step.Run("login", ctx, async () => (Response)await StoreHttp.SendAsync(http,
            StoreHttp.Json(HttpMethod.Post, "/api/users/login", new LoginRequest(user.Email, wrongPassword ? user.Password + "-wrong" : user.Password), StoreJsonContext.Default.LoginRequest),
            StoreJsonContext.Default.TokenResponse, ctx.CancellationToken, expected));
    }
}
