using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Auth;

namespace ProductStore.TestSupport;

/// <summary>
/// Stands in for the Users service in another service's tests: a signing key of its own, tokens for each role,
/// and the /.well-known documents served to JwtBearer's backchannel. Also mints the bad tokens a service must refuse.
/// </summary>
public sealed class TestTokens
{
    public const string UsersAddress = "http://users.test/";
    private readonly ECDsaSecurityKey _key = NewKey("test-key");
    private readonly List<StampChange> _stamps = [];
    private readonly List<Guid> _endedSessions = [];

    public ECDsaSecurityKey Key => _key;

    /// <summary>Serves openid-configuration, the JWKS for <see cref="Key"/> and the revocation list, as Users would.</summary>
    public HttpMessageHandler MetadataHandler => new WellKnownHandler(_key, this);

    public string For(string role, Guid? userId = null, string? email = null, string? stamp = null, Guid? session = null) =>
        Create(_key, Claims(role, userId ?? Guid.NewGuid(), email, stamp, session), DateTime.UtcNow.AddMinutes(15));

    /// <summary>As Users after a role change: the account's tokens under any other stamp end.</summary>
    public void ChangeStamp(Guid userId, string stamp)
    {
        lock (_stamps) _stamps.Add(new StampChange(userId, stamp));
    }

    /// <summary>As Users after a logout: the session's tokens end.</summary>
    public void EndSession(Guid session)
    {
        lock (_stamps) _endedSessions.Add(session);
    }

    private RevocationList Revocations()
    {
        lock (_stamps) return new RevocationList([.. _stamps], [.. _endedSessions]);
    }

    public string Customer(Guid? userId = null) => For(Roles.Customer, userId);
    public string Admin(Guid? userId = null) => For(Roles.Admin, userId);
    public string Service() => For(Roles.Service, Guid.Empty);

    public string Expired(string role = Roles.Customer) =>
        Create(_key, Claims(role, Guid.NewGuid(), null), DateTime.UtcNow.AddMinutes(-10), issuedAt: DateTime.UtcNow.AddMinutes(-30));

    public static string SignedByAnotherKey(string role = Roles.Customer) =>
        Create(NewKey("test-key"), Claims(role, Guid.NewGuid(), null), DateTime.UtcNow.AddMinutes(15));

    /// <summary>An unsigned token ("alg": "none") claiming to be an admin.</summary>
    public static string Unsigned(string role = Roles.Admin)
    {
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds();
        var payload = Base64Url($$"""{"sub":"{{Guid.NewGuid()}}","role":"{{role}}","iss":"{{TokenConventions.DefaultIssuer}}","aud":"{{TokenConventions.Audience}}","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    /// <summary>A valid customer token whose payload was edited afterwards to say admin; the signature no longer matches.</summary>
    public string TamperedToAdmin()
    {
        var parts = Customer().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace($"\"{Roles.Customer}\"", $"\"{Roles.Admin}\"");
        return $"{parts[0]}.{Base64Url(payload)}.{parts[2]}";
    }

    private static ECDsaSecurityKey NewKey(string keyId) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId };

    private static Claim[] Claims(string role, Guid userId, string? email, string? stamp = null, Guid? session = null) =>
    [
        new(TokenConventions.SubjectClaim, userId.ToString()),
        new(TokenConventions.RoleClaim, role),
        new(TokenConventions.EmailClaim, email ?? $"{userId:N}@example.test"),
        .. stamp is null ? Array.Empty<Claim>() : [new Claim(RevocationList.StampClaim, stamp)],
        .. session is null ? Array.Empty<Claim>() : [new Claim(RevocationList.SessionClaim, session.Value.ToString())],
    ];

    private static string Create(ECDsaSecurityKey key, Claim[] claims, DateTime expires, DateTime? issuedAt = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenConventions.DefaultIssuer,
            Audience = TokenConventions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt ?? DateTime.UtcNow,
            NotBefore = issuedAt ?? DateTime.UtcNow,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    private sealed class WellKnownHandler(ECDsaSecurityKey key, TestTokens tokens) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path switch
            {
                "/.well-known/openid-configuration" => JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = TokenConventions.DefaultIssuer,
                    ["jwks_uri"] = UsersAddress + ".well-known/jwks.json",
                    ["id_token_signing_alg_values_supported"] = new[] { TokenConventions.Algorithm },
                }),
                "/.well-known/jwks.json" => JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key) } },
                    new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }),
                "/" + RevocationList.Path => JsonSerializer.Serialize(tokens.Revocations(), RevocationJsonContext.Default.RevocationList),
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
