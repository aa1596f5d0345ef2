using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductStore.ServiceDefaults.Files;

namespace ProductStore.Users.Tests;

/// <summary>The signing keys at rest: never in the clear in Users' data, and rotated without ending the tokens already issued.</summary>
public sealed class SigningKeyProtectionTests : IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("productstore-users-keys-").FullName;
    private readonly string _keyRing = Directory.CreateTempSubdirectory("productstore-users-keyring-").FullName;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_keyRing, recursive: true);
        return ValueTask.CompletedTask;
    }

    private UsersFactory Users(Dictionary<string, string?>? settings = null) => new() { SharedDataDirectory = _data, Settings = settings ?? [] };

    [Fact]
    public async Task The_stored_private_key_is_sealed_by_the_deployments_secret_and_opens_again_after_a_restart()
    {
        string kid, token;
        await using (var first = Users())
        {
            token = (await first.CreateClient().NewCustomerAsync()).Tokens.AccessToken;
            kid = new JsonWebToken(token).Kid;
        }

        var (storedKid, stored) = await StoredKeyAsync();
        Assert.Equal(kid, storedKid);
        Assert.Equal(1, stored[0]);
        Assert.Throws<CryptographicException>(() => ECDsa.Create().ImportPkcs8PrivateKey(stored, out _));
        await using var restarted = Users();
        await (await restarted.CreateClient().MeAsync(token)).ShouldBe<UserDto>(HttpStatusCode.OK);
        await using var wrongSecret = Users(new() { ["Users:SigningKey:EncryptionSecret"] = "another secret of at least thirty-two characters" });
        Assert.Contains("EncryptionSecret", Assert.ThrowsAny<Exception>(() => wrongSecret.CreateClient()).ToString());
    }

    [Fact]
    public async Task Without_a_secret_data_protection_seals_the_key_with_a_key_ring_outside_the_data_folder()
    {
        var settings = new Dictionary<string, string?> { ["Users:SigningKey:EncryptionSecret"] = null, ["Users:SigningKey:KeyRingDirectory"] = _keyRing };
        string token;
        await using (var first = Users(settings)) token = (await first.CreateClient().NewCustomerAsync()).Tokens.AccessToken;

        Assert.Equal(2, (await StoredKeyAsync()).Key[0]);
        Assert.NotEmpty(Directory.GetFiles(_keyRing, "key-*.xml"));
        if (!OperatingSystem.IsWindows()) Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(_keyRing));
        await using var restarted = Users(settings);
        await (await restarted.CreateClient().MeAsync(token)).ShouldBe<UserDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_lost_key_ring_costs_the_access_tokens_signed_before_not_the_sessions()
    {
        var settings = new Dictionary<string, string?> { ["Users:SigningKey:EncryptionSecret"] = null, ["Users:SigningKey:KeyRingDirectory"] = _keyRing };
        TokenDto before;
        await using (var first = Users(settings)) before = (await first.CreateClient().NewCustomerAsync()).Tokens;

        settings["Users:SigningKey:KeyRingDirectory"] = Path.Combine(_keyRing, "an empty ring, as after the old one was lost");
        await using var restarted = Users(settings);
        var client = restarted.CreateClient();

        await (await client.MeAsync(before.AccessToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var refreshed = await (await client.RefreshAsync(before.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);
        await (await client.MeAsync(refreshed.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);
        Assert.Contains(restarted.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("key ring"));
    }

    [Fact]
    public async Task A_key_an_older_version_stored_in_the_clear_is_sealed_at_start_and_keeps_signing()
    {
        await using (var first = Users()) first.CreateClient();
        using var legacy = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await ExecuteAsync("UPDATE signing_keys SET kid = 'legacy-key-0001', private_key = $key", legacy.ExportPkcs8PrivateKey());

        await using var upgraded = Users();
        var token = (await upgraded.CreateClient().NewCustomerAsync()).Tokens.AccessToken;

        Assert.Equal("legacy-key-0001", new JsonWebToken(token).Kid);
        var (_, stored) = await StoredKeyAsync();
        Assert.Equal(1, stored[0]);
        Assert.True(await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false, ValidateAudience = false, IssuerSigningKey = new ECDsaSecurityKey(legacy),
        }) is { IsValid: true });
    }

    [Fact]
    public async Task A_rotated_key_is_published_first_then_signs_while_tokens_of_the_old_key_stay_valid()
    {
        await using var users = Users(new() { ["Users:SigningKey:ActivationDelay"] = "00:00:02" });
        var client = users.CreateClient();
        var admin = await users.CreateLoggedInAdminAsync();
        var (user, before) = await client.NewCustomerAsync();

        var rotated = await (await admin.PostAsync("/api/users/signing-keys/rotate", null)).ShouldBe<RotationDto>(HttpStatusCode.Accepted);

        var published = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json")).Keys.Select(k => k.Kid).ToList();
        Assert.Equal(new[] { rotated.KeyId, new JsonWebToken(before.AccessToken).Kid }.Order(), published.Order());
        Assert.Equal(new JsonWebToken(before.AccessToken).Kid, new JsonWebToken((await client.LoginAsTokensAsync(user.Email)).AccessToken).Kid);
        await Task.Delay(rotated.SignsFrom - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        var after = await client.LoginAsTokensAsync(user.Email);
        Assert.Equal(rotated.KeyId, new JsonWebToken(after.AccessToken).Kid);
        await (await client.MeAsync(before.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);
        await (await client.MeAsync(after.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);
        await (await users.CreateClient(after.AccessToken).PostAsync("/api/users/signing-keys/rotate", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }


    private async Task<(string KeyId, byte[] Key)> StoredKeyAsync()
    {
        await using var file = await OpenAsync();
        await using var read = file.CreateCommand();
        read.CommandText = "SELECT kid, private_key FROM signing_keys";
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        return (row.GetString(0), (byte[])row.GetValue(1));
    }

    private async Task ExecuteAsync(string sql, byte[] key)
    {
        await using var file = await OpenAsync();
        await using var command = file.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var file = new SqliteConnection($"Data Source={Path.Combine(_data, "users.sqlite")};Pooling=false");
        await file.OpenAsync();
        return file;
    }

    private sealed record RotationDto(string KeyId, DateTimeOffset SignsFrom);
}
