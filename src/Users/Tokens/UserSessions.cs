using Microsoft.Extensions.Options;
using ProductStore.Users.Apis;
using ProductStore.Users.Domain;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Tokens;

/// <summary>
/// Where sessions begin (a login) and go on (a refresh). A session is a refresh-token family: each refresh rotates its
/// token, and its access tokens name it, so ending the family ends the session.
/// </summary>
public sealed class UserSessions(
    IUserStore users,
    PasswordHasher hasher,
    LoginThrottle throttle,
    DeviceTokens devices,
    TokenIssuer issuer,
    IRefreshTokenStore refreshTokens,
    IOptionsMonitor<UsersOptions> options,
    UsersMetrics metrics,
    TimeProvider time)
{
    /// <summary>
    /// Checks the password unless the account is waiting out a delay after failures in a row (the password then unchecked);
    /// a device that logged in before (its device token) never waits.
    /// </summary>
    public async Task<LoginOutcome> LogInAsync(LoginCredentials credentials, CancellationToken cancellationToken)
    {
        var account = User.NormalizeEmail(credentials.Email);
        var user = await users.FindByEmailAsync(account, cancellationToken);
        var knownDevice = user is not null && await devices.IsKnownAsync(credentials.DeviceToken, user);
        if (!knownDevice && await throttle.WaitAsync(account, cancellationToken) is { } wait)
        {
            metrics.LoginThrottled();
            return new LoginOutcome(Tokens: null, Wait: wait);
        }
        if (user is null) hasher.VerifyNothing(credentials.Password);
        if (user is null || !hasher.Verify(credentials.Password, user.PasswordHash))
        {
            if (!knownDevice) await throttle.FailedAsync(account, cancellationToken);
            metrics.LoggedIn(success: false);
            return new LoginOutcome(Tokens: null);
        }
        await throttle.SucceededAsync(account, cancellationToken);
        var refreshToken = TokenIssuer.NewRefreshToken();
        var session = Guid.CreateVersion7();
        await refreshTokens.AddAsync(new RefreshTokenRecord(TokenIssuer.HashRefreshToken(refreshToken), session, user.Id,
            time.GetUtcNow() + options.CurrentValue.RefreshTokenLifetime, user.SecurityStamp), cancellationToken);
        metrics.LoggedIn(success: true);
        return new LoginOutcome(Tokens(user, session, refreshToken) with { DeviceToken = devices.IssueFor(user) });
    }

    /// <summary>The session's next tokens, or null with why not: the token is spent (reused), unknown, expired or revoked.</summary>
    public async Task<(TokenResponse? Tokens, RotationResult Result)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var next = TokenIssuer.NewRefreshToken();
        var now = time.GetUtcNow();
        RefreshTokenRecord? spent = null;
        var (result, userId) = await refreshTokens.RotateAsync(TokenIssuer.HashRefreshToken(refreshToken),
            old => (spent = old) with { TokenHash = TokenIssuer.HashRefreshToken(next), ExpiresAt = now + options.CurrentValue.RefreshTokenLifetime },
            now, cancellationToken);
        var user = result == RotationResult.Rotated ? await users.FindByIdAsync(userId, cancellationToken) : null;
        if (user is not null && spent is not null && spent.Stamp != user.SecurityStamp)
        {
            // The session began before the account's role changed or its sessions were revoked: it ends here.
            await refreshTokens.RevokeFamilyAsync(TokenIssuer.HashRefreshToken(next), cancellationToken);
            user = null;
        }
        return user is null ? (null, result) : (Tokens(user, spent!.FamilyId, next), result);
    }

    private TokenResponse Tokens(User user, Guid session, string refreshToken)
    {
        var access = issuer.ForUser(user, session);
        return new TokenResponse(access.AccessToken, "Bearer", access.ExpiresIn, refreshToken);
    }
}
