using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Tokens;

/// <summary>
/// OWASP's "device cookie": a successful login hands the client a token naming the account, which later logins from that
/// device send along to skip the per-account throttle. It opens nothing else (its own audience, so no service accepts it)
/// and ends with the account's security stamp.
/// </summary>
public sealed class DeviceTokens(SigningKeys keys, IOptionsMonitor<UsersOptions> options, IConfiguration configuration, TimeProvider time)
{
    public const string Audience = "productstore-device";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public string IssueFor(User user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenConventions.Issuer(configuration),
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.CurrentValue.LoginThrottle.DeviceTokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [TokenConventions.SubjectClaim] = user.Id.ToString(),
                [RevocationList.StampClaim] = user.SecurityStamp,
            },
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>Whether <paramref name="token"/> is a device token this Users issued to <paramref name="user"/> under its current stamp.</summary>
    public async Task<bool> IsKnownAsync(string? token, User user)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var parameters = JwtValidation.Parameters(configuration);
        parameters.ValidAudience = Audience;
        parameters.IssuerSigningKeys = keys.Published;
        parameters.LifetimeValidator = (notBefore, expires, _, _) => time.GetUtcNow().UtcDateTime is var now && now >= notBefore && now < expires;
        var result = await Handler.ValidateTokenAsync(token, parameters);
        return result.IsValid
            && result.Claims.TryGetValue(TokenConventions.SubjectClaim, out var subject) && subject as string == user.Id.ToString()
            && result.Claims.TryGetValue(RevocationList.StampClaim, out var stamp) && stamp as string == user.SecurityStamp;
    }
}
