using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Users.Tokens;

namespace ProductStore.Users.Apis;

/// <summary>What other services need to check Users' tokens: the OpenID discovery document and the public keys.</summary>
public static class WellKnownApi
{
    public const string JwksPath = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapWellKnownApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/.well-known")
            .WithTags("Discovery")
            .AllowAnonymous();
        api.MapGet("/openid-configuration", Discovery)
            .WithName("OpenIdConfiguration")
            .WithSummary("The OpenID discovery document: the token issuer and where its keys are")
            .Produces<DiscoveryDocument>();
        api.MapGet("/jwks.json", Jwks)
            .WithName("Jwks")
            .WithSummary("The public keys that verify access tokens (JWKS)")
            .Produces<JsonWebKeySet>();
        return app;
    }

    public static IResult Discovery(HttpRequest request, IConfiguration configuration, IOptions<UsersOptions> options) => TypedResults.Json(
        new DiscoveryDocument(TokenConventions.Issuer(configuration), BaseUrl(request, options.Value.PublicBaseUrl) + JwksPath, [TokenConventions.Algorithm]),
        UsersJsonContext.Default.DiscoveryDocument);

    /// <summary>
    /// A request the gateway relayed (it carries a forwarded host, believed or not) learns the public address; one asked
    /// directly (a service's token validation) learns the address it used. The scheme and host are the request's after
    /// the forwarded headers of known proxies, so without a configured public address the gateway's public host is named.
    /// </summary>
    private static string BaseUrl(HttpRequest request, string? publicBaseUrl)
    {
        var relayed = request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedHostHeaderName)
            || request.Headers.ContainsKey(ForwardedHeadersDefaults.XOriginalHostHeaderName);
        return relayed && publicBaseUrl is { Length: > 0 } ? publicBaseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
    }

    /// <summary>Every published key: one that will sign soon, the one signing, and superseded ones whose tokens may still be valid.</summary>
    public static IResult Jwks(SigningKeys keys) => TypedResults.Json(
        new JsonWebKeySet(keys.PublicJwks().Select(jwk => new PublicJwk(jwk.Kty, "sig", TokenConventions.Algorithm, jwk.Kid, jwk.Crv, jwk.X, jwk.Y)).ToList()),
        UsersJsonContext.Default.JsonWebKeySet);
}

public sealed record DiscoveryDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] string[] SigningAlgorithms);

public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<PublicJwk> Keys);

public sealed record PublicJwk(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y);
