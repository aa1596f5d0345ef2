using System.Net.Http.Json;

namespace ProductStore.Users.Tests;

/// <summary>RFC 6749 §5.1: a response carrying tokens says no-store (and no-cache to HTTP/1.0 caches), failed or not.</summary>
public class TokenCachingTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Login_and_refresh_responses_are_not_stored()
    {
        var email = UsersHttp.NewEmail();
        await (await _client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);

        using var login = await _client.LoginAsync(email);
        var tokens = await login.ShouldBe<TokenDto>(HttpStatusCode.OK);
        AssertNotStored(login);
        using var refresh = await _client.RefreshAsync(tokens.RefreshToken);
        await refresh.ShouldBe<TokenDto>(HttpStatusCode.OK);
        AssertNotStored(refresh);
        using var failed = await _client.LoginAsync(email, "not the password at all");
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        AssertNotStored(failed);
    }

    [Fact]
    public async Task Service_token_responses_are_not_stored()
    {
        using var response = await _client.PostAsJsonAsync("/internal/token", new { clientId = "orders", clientSecret = UsersFactory.OrdersClientSecret });
        await response.ShouldBe<ServiceTokenDto>(HttpStatusCode.OK);
        AssertNotStored(response);
    }

    private static void AssertNotStored(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
    }
}
