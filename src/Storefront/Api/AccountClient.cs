using System.Net.Http.Headers;

namespace ProductStore.Storefront.Api;

/// <summary>Register, log in, rotate and revoke tokens, read the account: the calls that start and end a session.</summary>
public sealed class AccountClient(HttpClient http)
{
    public async Task<ApiResult<Account>> RegisterAsync(string? email, string? password, string? displayName, CancellationToken cancellationToken = default) =>
        await ApiResult<Account>.ReadAsync(await http.PostAsJsonAsync("api/users/register", new { email, password, displayName }, cancellationToken), cancellationToken);

    public async Task<ApiResult<IssuedTokens>> LoginAsync(string? email, string? password, CancellationToken cancellationToken = default) =>
        await ApiResult<IssuedTokens>.ReadAsync(await http.PostAsJsonAsync("api/users/login", new { email, password }, cancellationToken), cancellationToken);

    public async Task<ApiResult<IssuedTokens>> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        await ApiResult<IssuedTokens>.ReadAsync(await http.PostAsJsonAsync("api/users/refresh", new { refreshToken }, cancellationToken), cancellationToken);

    public async Task LogoutAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        (await http.PostAsJsonAsync("api/users/logout", new { refreshToken }, cancellationToken)).Dispose();

    public async Task<ApiResult<Account>> MeAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await ApiResult<Account>.ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }
}
