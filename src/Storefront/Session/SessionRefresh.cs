using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Session;

/// <summary>Rotates the session's tokens shortly before the access token expires; a refused refresh ends the session.</summary>
public sealed class SessionRefresh(AccountClient account, TokenRotations rotations, TimeProvider time, ILogger<SessionRefresh> logger)
    : CookieAuthenticationEvents
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = time.GetUtcNow();
        if (context.Properties is not { } properties || !SessionTokens.NeedsRefresh(properties, now, Margin)) return;
        var refreshToken = properties.GetTokenValue(SessionTokens.Refresh);
        var rotated = refreshToken is null ? null : await rotations.RotateAsync(refreshToken, token => account.RefreshAsync(token));
        if (rotated?.Value is not { } tokens)
        {
            logger.LogInformation("A session ended: its refresh token was refused ({Status}).", rotated?.Problem?.Status);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync();
            return;
        }
        SessionTokens.Store(properties, tokens, now);
        context.ShouldRenew = true;
    }
}
