using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Auth;

namespace ProductStore.Users.Tests;

public class WellKnownApiTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_discovery_document_points_at_the_jwks_and_names_ES256()
    {
        var document = await (await _client.GetAsync("/.well-known/openid-configuration")).ShouldBe<JsonElement>(HttpStatusCode.OK);

        Assert.Equal(TokenConventions.DefaultIssuer, document.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["ES256"], document.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task The_jwks_holds_one_public_P256_key()
    {
        var jwks = await (await _client.GetAsync("/.well-known/jwks.json")).ShouldBe<JsonElement>(HttpStatusCode.OK);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(key.GetProperty("x").GetString()).Length);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(key.GetProperty("y").GetString()).Length);
        Assert.False(key.TryGetProperty("d", out _), "The private key must never be published.");
    }

    [Fact]
    public async Task A_login_token_carries_the_kid_and_validates_against_the_published_keys_alone()
    {
        var (user, tokens) = await _client.NewCustomerAsync();
        var keys = new JsonWebKeySet(await _client.GetStringAsync("/.well-known/jwks.json"));
        var parameters = JwtValidation.Parameters(factory.Services.GetRequiredService<IConfiguration>());
        parameters.IssuerSigningKeys = keys.GetSigningKeys();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, parameters);

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(keys.Keys.Single().Kid, token.Kid);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal(user.Id.ToString(), token.Subject);
        Assert.Equal("customer", token.GetClaim("role").Value);
        Assert.Equal(user.Email, token.GetClaim("email").Value);
        Assert.Equal(user.DisplayName, token.GetClaim("name").Value);
    }
}

/// <summary>Discovery names addresses its caller can use: public ones through the gateway, Users' own to a service asking directly.</summary>
public class PublicDiscoveryTests
{
    private static async Task<string> JwksUriAsync(UsersFactory factory, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        var document = await (await factory.CreateClient().SendAsync(request)).ShouldBe<JsonElement>(HttpStatusCode.OK);
        return document.GetProperty("jwks_uri").GetString()!;
    }

    [Fact]
    public async Task Through_the_gateway_the_jwks_uri_is_the_configured_public_address_and_directly_it_is_users_own()
    {
        await using var factory = new UsersFactory { Settings = { ["Users:PublicBaseUrl"] = "https://shop.example/" } };

        Assert.Equal("https://shop.example/.well-known/jwks.json", await JwksUriAsync(factory, ("X-Forwarded-Host", "127.0.0.1:8080")));
        Assert.Equal("http://localhost/.well-known/jwks.json", await JwksUriAsync(factory));
    }

    [Fact]
    public async Task Forwarded_scheme_and_host_are_believed_from_a_known_proxy_only()
    {
        var forwarded = new[] { ("X-Forwarded-Host", "shop.example"), ("X-Forwarded-Proto", "https") };
        await using var trusting = new UsersFactory { Settings = { ["Users:KnownProxies:0"] = "127.0.0.1" }, ClientAddress = IPAddress.Loopback };
        await using var stranger = new UsersFactory { Settings = { ["Users:KnownProxies:0"] = "10.0.0.1" }, ClientAddress = IPAddress.Loopback };

        Assert.Equal("https://shop.example/.well-known/jwks.json", await JwksUriAsync(trusting, forwarded));
        Assert.Equal("http://localhost/.well-known/jwks.json", await JwksUriAsync(stranger, forwarded));
    }
}
