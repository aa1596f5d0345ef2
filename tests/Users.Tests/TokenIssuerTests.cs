using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Domain;
using ProductStore.Users.Storage;
using ProductStore.Users.Tokens;

namespace ProductStore.Users.Tests;

/// <summary>Token minting on a real key store (a SQLite file), checked the way other services check tokens.</summary>
public sealed class TokenIssuerTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.test";
    private readonly string _data = Directory.CreateTempSubdirectory("productstore-users-tokens-").FullName;
    private readonly FixedClock _clock = new(DateTimeOffset.UtcNow);
    private readonly IConfiguration _configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Issuer"] = Issuer }).Build();
    private SqliteDatabase _database = null!;
    private SigningKeys _keys = null!;
    private TokenIssuer _issuer = null!;

    private static readonly User Ada = new(Guid.CreateVersion7(), "ada@example.test", "Ada Lovelace", Roles.Customer, "unused", DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync()
    {
        _database = new SqliteDatabase($"Data Source={Path.Combine(_data, "users.sqlite")}", readerCount: 1);
        await _database.MigrateAsync(SqliteUsersSchema.Migrations, CancellationToken.None);
        _keys = await LoadKeysAsync();
        _issuer = new TokenIssuer(_keys, TestOptions.Users(o =>
        {
            o.AccessTokenLifetime = TimeSpan.FromMinutes(5);
            o.ServiceTokenLifetime = TimeSpan.FromMinutes(2);
        }), _configuration, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<SigningKeys> LoadKeysAsync()
    {
        var options = TestOptions.Users(o => o.SigningKey.EncryptionSecret = UsersFactory.SigningKeySecret);
        var keys = new SigningKeys(new SqliteSigningKeyStore(_database), new SigningKeyProtector(Options.Create(options.CurrentValue)), options, _clock,
            NullLogger<SigningKeys>.Instance);
        await keys.InitializeAsync(CancellationToken.None);
        return keys;
    }

    private Task<TokenValidationResult> ValidateAsync(string token, SecurityKey publicKey)
    {
        var parameters = JwtValidation.Parameters(_configuration);
        parameters.IssuerSigningKeys = [publicKey];
        return new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    [Fact]
    public async Task A_user_token_names_its_key_carries_the_account_and_validates_with_the_public_key()
    {
        var issued = _issuer.ForUser(Ada, Guid.NewGuid());

        var result = await ValidateAsync(issued.AccessToken, _keys.PublicJwks().Single());

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(_keys.Current.KeyId, token.Kid);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal(Issuer, token.Issuer);
        Assert.Equal([TokenConventions.Audience], token.Audiences);
        Assert.Equal(Ada.Id.ToString(), token.Subject);
        Assert.Equal(Roles.Customer, token.GetClaim("role").Value);
        Assert.Equal(Ada.Email, token.GetClaim("email").Value);
        Assert.Equal(Ada.DisplayName, token.GetClaim("name").Value);
        Assert.False(string.IsNullOrEmpty(token.Id));
    }

    [Fact]
    public void A_user_token_lives_as_long_as_configured()
    {
        var issued = _issuer.ForUser(Ada, Guid.NewGuid());

        var token = new JsonWebToken(issued.AccessToken);
        Assert.Equal(300, issued.ExpiresIn);
        Assert.Equal(_clock.Now.ToUnixTimeSeconds(), new DateTimeOffset(token.IssuedAt).ToUnixTimeSeconds());
        Assert.Equal(_clock.Now.AddMinutes(5).ToUnixTimeSeconds(), new DateTimeOffset(token.ValidTo).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        _clock.Now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var issued = _issuer.ForUser(Ada, Guid.NewGuid());

        var result = await ValidateAsync(issued.AccessToken, _keys.PublicJwks().Single());

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task A_service_token_has_the_service_role_and_its_own_lifetime()
    {
        var issued = _issuer.ForService("cart");

        var result = await ValidateAsync(issued.AccessToken, _keys.PublicJwks().Single());

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("cart", token.Subject);
        Assert.Equal(Roles.Service, token.GetClaim("role").Value);
        Assert.Equal(120, issued.ExpiresIn);
        Assert.Equal(TimeSpan.FromMinutes(2), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task The_key_is_kept_loading_it_again_gives_the_same_key()
    {
        var token = _issuer.ForUser(Ada, Guid.NewGuid()).AccessToken;

        var reloaded = await LoadKeysAsync();

        Assert.Equal(_keys.Current.KeyId, reloaded.Current.KeyId);
        Assert.True((await ValidateAsync(token, reloaded.PublicJwks().Single())).IsValid);
    }

    [Fact]
    public async Task The_public_key_is_public_only_and_another_key_does_not_validate()
    {
        Assert.Null(_keys.PublicJwks().Single().D);
        var other = new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));

        var result = await ValidateAsync(_issuer.ForUser(Ada, Guid.NewGuid()).AccessToken, other);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Refresh_tokens_are_random_and_stored_as_their_SHA256()
    {
        var first = TokenIssuer.NewRefreshToken();
        var second = TokenIssuer.NewRefreshToken();

        Assert.NotEqual(first, second);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(first).Length);
        Assert.Equal(64, TokenIssuer.HashRefreshToken(first).Length);
        Assert.Equal(TokenIssuer.HashRefreshToken(first), TokenIssuer.HashRefreshToken(first));
        Assert.NotEqual(TokenIssuer.HashRefreshToken(first), TokenIssuer.HashRefreshToken(second));
    }
}
