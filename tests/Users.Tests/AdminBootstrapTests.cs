using Microsoft.Data.Sqlite;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using ProductStore.Users.Domain;

namespace ProductStore.Users.Tests;

public sealed class AdminBootstrapTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("productstore-users-admin-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private UsersFactory WithoutConfiguredAdmin() =>
        new() { SharedDataDirectory = _data, Settings = { ["Users:Admin:Email"] = null, ["Users:Admin:Password"] = null } };

    private static LogEntry[] GeneratedAdminWarnings(UsersFactory factory) =>
        [.. factory.Logs.Entries.Where(e => e.Category == typeof(AdminBootstrap).FullName && e.Level == LogLevel.Warning)];

    [Fact]
    public async Task The_configured_admin_logs_in_with_the_configured_password()
    {
        await using var factory = new UsersFactory { SharedDataDirectory = _data };

        var tokens = await factory.CreateClient().LoginAsTokensAsync(UsersFactory.AdminEmail.ToUpperInvariant(), UsersFactory.AdminPassword);

        Assert.Equal("admin", new JsonWebToken(tokens.AccessToken).GetClaim("role").Value);
        await (await factory.CreateClient(tokens.AccessToken).GetAsync("/api/users")).ShouldBe<UserPageDto>(HttpStatusCode.OK);
        Assert.Empty(GeneratedAdminWarnings(factory));
    }

    [Fact]
    public async Task Without_configuration_a_default_admin_gets_a_random_password_logged_once()
    {
        string password;
        await using (var first = WithoutConfiguredAdmin())
        {
            var client = first.CreateClient();
            var warning = Assert.Single(GeneratedAdminWarnings(first));
            password = (string)warning.State.Single(p => p.Key == "Password").Value!;
            Assert.Equal(AdminOptions.DefaultEmail, (string?)warning.State.Single(p => p.Key == "Email").Value);
            Assert.True(password.Length >= 20, password);

            var tokens = await client.LoginAsTokensAsync(AdminOptions.DefaultEmail, password);
            Assert.Equal("admin", new JsonWebToken(tokens.AccessToken).GetClaim("role").Value);
        }

        await using var second = WithoutConfiguredAdmin();
        await second.CreateClient().LoginAsTokensAsync(AdminOptions.DefaultEmail, password);
        Assert.Empty(GeneratedAdminWarnings(second));
    }

    [Fact]
    public async Task No_default_admin_is_made_when_an_admin_exists()
    {
        await using (var configured = new UsersFactory { SharedDataDirectory = _data })
        {
            await configured.CreateClient().LoginAsTokensAsync(UsersFactory.AdminEmail, UsersFactory.AdminPassword);
        }

        await using var unconfigured = WithoutConfiguredAdmin();
        var client = unconfigured.CreateClient();

        await client.LoginAsTokensAsync(UsersFactory.AdminEmail, UsersFactory.AdminPassword);
        Assert.Empty(GeneratedAdminWarnings(unconfigured));
        var admin = await unconfigured.CreateLoggedInAdminAsync();
        var all = await (await admin.GetAsync("/api/users")).ShouldBe<UserPageDto>(HttpStatusCode.OK);
        Assert.DoesNotContain(all.Items, u => u.Email == AdminOptions.DefaultEmail);
    }

    [Fact]
    public async Task A_configured_email_now_held_by_a_customer_is_not_promoted_at_start()
    {
        await using (var first = new UsersFactory { SharedDataDirectory = _data })
        {
            var admin = await first.CreateLoggedInAdminAsync();
            var self = await (await admin.GetAsync("/api/users/me")).ShouldBe<UserDto>(HttpStatusCode.OK);
            // The API keeps the last admin (409); a shop demoted before that rule existed is set up in the file itself.
            await (await admin.PutAsJsonAsync($"/api/users/{self.Id}/role", new { role = "customer" })).ShouldBeProblem(HttpStatusCode.Conflict);
        }
        await using (var file = new SqliteConnection($"Data Source={Path.Combine(_data, "users.sqlite")};Pooling=false"))
        {
            await file.OpenAsync();
            await using var demote = file.CreateCommand();
            demote.CommandText = "UPDATE users SET role = 'customer'";
            Assert.Equal(1, await demote.ExecuteNonQueryAsync());
        }

        await using var restarted = new UsersFactory { SharedDataDirectory = _data };
        var tokens = await restarted.CreateClient().LoginAsTokensAsync(UsersFactory.AdminEmail, UsersFactory.AdminPassword);

        Assert.Equal("customer", new JsonWebToken(tokens.AccessToken).GetClaim("role").Value);
        Assert.Contains(restarted.Logs.Entries, e => e.Category == typeof(AdminBootstrap).FullName && e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_configured_admin_password_must_meet_the_policy()
    {
        await using var factory = new UsersFactory { SharedDataDirectory = _data, Settings = { ["Users:Admin:Password"] = "short" } };

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("Users:Admin:Password", error.Message);
    }
}
