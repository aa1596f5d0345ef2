using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ProductStore.TestSupport;

namespace ProductStore.Users.Tests.Fakes;

public sealed record UserDto(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt);

public sealed record TokenDto(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

public sealed record ServiceTokenDto(string AccessToken, string TokenType, int ExpiresIn);

public sealed record UserPageDto(List<UserDto> Items, string? NextCursor);

/// <summary>The account calls as a client makes them.</summary>
public static class UsersHttp
{
    public const string Password = "a long enough passphrase";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password = Password, string displayName = "Ada") =>
        client.PostAsJsonAsync("/api/users/register", new { email, password, displayName });

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync("/api/users/login", new { email, password });

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/users/refresh", new { refreshToken });

    public static Task<HttpResponseMessage> LogoutAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/users/logout", new { refreshToken });

    public static Task<HttpResponseMessage> MeAsync(this HttpClient client, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }

    /// <summary>Registers a new customer and logs them in.</summary>
    public static async Task<(UserDto User, TokenDto Tokens)> NewCustomerAsync(this HttpClient client)
    {
        var email = NewEmail();
        var user = await (await client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);
        return (user, await client.LoginAsTokensAsync(email));
    }

    public static async Task<TokenDto> LoginAsTokensAsync(this HttpClient client, string email, string password = Password) =>
        await (await client.LoginAsync(email, password)).ShouldBe<TokenDto>(HttpStatusCode.OK);

    /// <summary>A client carrying an access token of the configured admin.</summary>
    public static async Task<HttpClient> CreateLoggedInAdminAsync(this UsersFactory factory)
    {
        var tokens = await factory.CreateClient().LoginAsTokensAsync(UsersFactory.AdminEmail, UsersFactory.AdminPassword);
        return factory.CreateClient(tokens.AccessToken);
    }
}
