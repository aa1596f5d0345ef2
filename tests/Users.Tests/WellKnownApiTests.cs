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
