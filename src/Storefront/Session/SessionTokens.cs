using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Session;

/// <summary>The API's tokens as the session cookie's properties hold them.</summary>
public static class SessionTokens
{
    public const string Access = "access_token";
    public const string Refresh = "refresh_token";
    public const string ExpiresAt = "expires_at";

    public static void Store(AuthenticationProperties properties, IssuedTokens tokens, DateTimeOffset now) =>
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = Access, Value = tokens.AccessToken },
            new AuthenticationToken { Name = Refresh, Value = tokens.RefreshToken },
            new AuthenticationToken { Name = ExpiresAt, Value = now.AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture) },
        ]);

    /// <summary>Whether the access token is gone or expires within <paramref name="margin"/> (a call in flight must not outlive it).</summary>
    public static bool NeedsRefresh(AuthenticationProperties properties, DateTimeOffset now, TimeSpan margin) =>
        !DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
        || expiresAt - margin <= now;
}
