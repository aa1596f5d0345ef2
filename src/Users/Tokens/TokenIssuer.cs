using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Tokens;

public sealed record IssuedToken(string AccessToken, int ExpiresIn);

/// <summary>Mints access tokens (users and services) and refresh tokens, following <see cref="TokenConventions"/>.</summary>
public sealed class TokenIssuer(SigningKeys keys, IOptionsMonitor<UsersOptions> options, IConfiguration configuration, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>An access token of <paramref name="session"/> (the refresh-token family), under the account's current security stamp.</summary>
    public IssuedToken ForUser(User user, Guid session) => Issue(new Dictionary<string, object>
    {
        [TokenConventions.SubjectClaim] = user.Id.ToString(),
        [TokenConventions.RoleClaim] = user.Role,
        [TokenConventions.EmailClaim] = user.Email,
        [TokenConventions.NameClaim] = user.DisplayName,
        [RevocationList.StampClaim] = user.SecurityStamp,
        [RevocationList.SessionClaim] = session.ToString(),
    }, options.CurrentValue.AccessTokenLifetime);

    public IssuedToken ForService(string clientId) => Issue(new Dictionary<string, object>
    {
        [TokenConventions.SubjectClaim] = clientId,
        [TokenConventions.RoleClaim] = Roles.Service,
    }, options.CurrentValue.ServiceTokenLifetime);

    /// <summary>A new opaque refresh token; only its hash is stored.</summary>
    public static string NewRefreshToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string HashRefreshToken(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private IssuedToken Issue(Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        claims[JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N");
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenConventions.Issuer(configuration),
            Audience = TokenConventions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.EcdsaSha256),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }
}
