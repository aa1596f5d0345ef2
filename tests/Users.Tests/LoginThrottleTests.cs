using System.Net.Http.Json;

namespace ProductStore.Users.Tests;

/// <summary>Password guessing against one account: growing delays after repeated failures, from any address, never for the owner's device.</summary>
public class LoginThrottleTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(string Email, TokenDeviceDto Tokens)> AccountWithDeviceAsync()
    {
        var email = UsersHttp.NewEmail();
        await (await _client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);
        return (email, await (await _client.LoginAsync(email)).ShouldBe<TokenDeviceDto>(HttpStatusCode.OK));
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password, string? deviceToken = null) =>
        _client.PostAsJsonAsync("/api/users/login", new { email, password, deviceToken });

    [Fact]
    public async Task After_five_failures_the_account_waits_a_delay_that_grows_and_the_right_password_is_not_even_checked()
    {
        using var metrics = new MetricsRecorder(factory.Services, "ProductStore.Users");
        var (email, _) = await AccountWithDeviceAsync();
        for (var i = 0; i < 5; i++) await (await LoginAsync(email, "wrong guess " + i)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        var held = await LoginAsync(email, UsersHttp.Password);

        await held.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("1", held.Headers.GetValues("Retry-After").Single());
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await (await LoginAsync(email, "wrong guess 6")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var longer = await LoginAsync(email, UsersHttp.Password);
        await longer.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("2", longer.Headers.GetValues("Retry-After").Single());
        Assert.Equal(2, metrics.Sum("productstore.logins", ("outcome", "throttled")));
        await Task.Delay(TimeSpan.FromSeconds(2.1));
        await (await LoginAsync(email, UsersHttp.Password)).ShouldBe<TokenDeviceDto>(HttpStatusCode.OK);
        // A success forgets the failures: the next slip is free again.
        await (await LoginAsync(email, "one more slip")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await LoginAsync(email, UsersHttp.Password)).ShouldBe<TokenDeviceDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_attacker_holding_the_account_up_does_not_lock_out_its_owner_on_a_known_device()
    {
        var (email, owner) = await AccountWithDeviceAsync();
        for (var i = 0; i < 8; i++) await LoginAsync(email, "attacker guess " + i);
        await (await LoginAsync(email, UsersHttp.Password)).ShouldBeProblem(HttpStatusCode.TooManyRequests);

        await (await LoginAsync(email, UsersHttp.Password, owner.DeviceToken)).ShouldBe<TokenDeviceDto>(HttpStatusCode.OK);
        // Another account's device token, or a made-up one, opens nothing.
        var (_, other) = await AccountWithDeviceAsync();
        for (var i = 0; i < 6; i++) await LoginAsync(email, "attacker guess again " + i);
        await (await LoginAsync(email, UsersHttp.Password, other.DeviceToken)).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        await (await LoginAsync(email, UsersHttp.Password, "not.a.token")).ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Guessing_at_an_email_nobody_registered_is_held_up_the_same_way()
    {
        var nobody = UsersHttp.NewEmail();
        for (var i = 0; i < 5; i++) await (await LoginAsync(nobody, "guess " + i)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        await (await LoginAsync(nobody, "guess 5")).ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_device_token_is_no_access_token()
    {
        var (_, tokens) = await AccountWithDeviceAsync();

        await (await _client.MeAsync(tokens.DeviceToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private sealed record TokenDeviceDto(string AccessToken, string RefreshToken, string DeviceToken);
}
