using System.Diagnostics;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>
/// A user the load logs in as. The credentials are kept, so an access token about to expire is replaced by logging in again:
/// a refresh would rotate a token that concurrent iterations share, and reusing a rotated one revokes the whole family.
/// </summary>
public sealed class UserSession(string email, string password)
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private long _renewAt;

    public string Email { get; } = email;
    public string Password { get; } = password;
    public string? AccessToken { get; private set; }

    public bool NeedsLogin => AccessToken is null || Stopwatch.GetTimestamp() >= Volatile.Read(ref _renewAt);

    public async Task<Response<TokenResponse>> LoginAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var response = await StoreHttp.SendAsync(http,
            StoreHttp.Json(HttpMethod.Post, "/api/users/login", new LoginRequest(Email, Password), StoreJsonContext.Default.LoginRequest),
            StoreJsonContext.Default.TokenResponse, cancellationToken);
        if (response is { IsError: false, Payload: { } token })
        {
            AccessToken = token.AccessToken;
            Volatile.Write(ref _renewAt, Clock.After(Stopwatch.GetTimestamp(), Math.Max(1, token.ExpiresIn - ExpiryMargin.TotalSeconds)));
        }
        return response;
    }
}
