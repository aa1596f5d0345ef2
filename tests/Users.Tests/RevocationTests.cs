using System.Net.Http.Json;
using System.Text.Json;

namespace ProductStore.Users.Tests;

/// <summary>
/// Access tokens end within seconds of a role change, a logout or an admin's "revoke sessions", not when they expire;
/// and the last admin stays admin. Each token is used through Users' real pipeline, as any service checks it.
/// </summary>
public class RevocationTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task A_demoted_admin_loses_admin_rights_within_seconds_and_cannot_promote_itself_back()
    {
        var admin = await factory.CreateLoggedInAdminAsync();
        var (user, _) = await _anonymous.NewCustomerAsync();
        await (await admin.PutAsJsonAsync($"/api/users/{user.Id}/role", new { role = "admin" })).ShouldBe<UserDto>(HttpStatusCode.OK);
        var promoted = await _anonymous.LoginAsTokensAsync(user.Email);
        var formerAdmin = factory.CreateClient(promoted.AccessToken);
        await (await formerAdmin.GetAsync("/api/users")).ShouldBe<UserPageDto>(HttpStatusCode.OK);

        await (await admin.PutAsJsonAsync($"/api/users/{user.Id}/role", new { role = "customer" })).ShouldBe<UserDto>(HttpStatusCode.OK);

        await RevokedTokens.ShouldBeRefusedSoonAsync(() => formerAdmin.GetAsync("/api/users"));
        await (await formerAdmin.PutAsJsonAsync($"/api/users/{user.Id}/role", new { role = "admin" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await formerAdmin.GetAsync("/api/users/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await _anonymous.RefreshAsync(promoted.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var again = await _anonymous.LoginAsTokensAsync(user.Email);
        Assert.Equal("customer", (await (await factory.CreateClient(again.AccessToken).GetAsync("/api/users/me")).ShouldBe<UserDto>(HttpStatusCode.OK)).Role);
        await (await factory.CreateClient(again.AccessToken).GetAsync("/api/users")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted()
    {
        await using var alone = new UsersFactory();
        var admin = await alone.CreateLoggedInAdminAsync();
        var self = await (await admin.GetAsync("/api/users/me")).ShouldBe<UserDto>(HttpStatusCode.OK);

        await (await admin.PutAsJsonAsync($"/api/users/{self.Id}/role", new { role = "customer" })).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal("admin", (await (await admin.GetAsync("/api/users/me")).ShouldBe<UserDto>(HttpStatusCode.OK)).Role);
        // With a second admin, the first may step down.
        var (other, _) = await alone.CreateClient().NewCustomerAsync();
        await (await admin.PutAsJsonAsync($"/api/users/{other.Id}/role", new { role = "admin" })).ShouldBe<UserDto>(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/users/{self.Id}/role", new { role = "customer" })).ShouldBe<UserDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_logout_ends_that_sessions_access_token_within_seconds_and_no_other_session()
    {
        var (_, tokens) = await _anonymous.NewCustomerAsync();
        var me = (await (await _anonymous.MeAsync(tokens.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK)).Email;
        var otherSession = await _anonymous.LoginAsTokensAsync(me);

        Assert.Equal(HttpStatusCode.NoContent, (await _anonymous.LogoutAsync(tokens.RefreshToken)).StatusCode);

        await RevokedTokens.ShouldBeRefusedSoonAsync(() => _anonymous.MeAsync(tokens.AccessToken));
        await (await _anonymous.MeAsync(otherSession.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_revoking_an_accounts_sessions_ends_its_access_and_refresh_tokens()
    {
        var admin = await factory.CreateLoggedInAdminAsync();
        var (user, tokens) = await _anonymous.NewCustomerAsync();
        await (await factory.CreateClient(tokens.AccessToken).PostAsync($"/api/users/{user.Id}/sessions/revoke", null)).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{user.Id}/sessions/revoke", null)).StatusCode);

        await RevokedTokens.ShouldBeRefusedSoonAsync(() => _anonymous.MeAsync(tokens.AccessToken));
        await (await _anonymous.RefreshAsync(tokens.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var fresh = await _anonymous.LoginAsTokensAsync(user.Email);
        await (await _anonymous.MeAsync(fresh.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/users/{Guid.NewGuid()}/sessions/revoke", null)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_account_within_seconds()
    {
        var (user, tokens) = await _anonymous.NewCustomerAsync();
        var otherDevice = await _anonymous.LoginAsTokensAsync(user.Email);
        var self = factory.CreateClient(tokens.AccessToken);
        await (await self.PutAsJsonAsync("/api/users/me/password", new { currentPassword = "not it", newPassword = "an entirely new passphrase" }))
            .ShouldBeValidationProblem("currentPassword");

        Assert.Equal(HttpStatusCode.NoContent,
            (await self.PutAsJsonAsync("/api/users/me/password", new { currentPassword = UsersHttp.Password, newPassword = "an entirely new passphrase" })).StatusCode);

        await RevokedTokens.ShouldBeRefusedSoonAsync(() => _anonymous.MeAsync(otherDevice.AccessToken));
        await (await _anonymous.MeAsync(tokens.AccessToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await _anonymous.RefreshAsync(otherDevice.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await _anonymous.LoginAsync(user.Email)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await _anonymous.LoginAsTokensAsync(user.Email, "an entirely new passphrase");
    }

    [Fact]
    public async Task The_revocation_list_other_services_poll_names_the_new_stamp_and_the_ended_session()
    {
        var admin = await factory.CreateLoggedInAdminAsync();
        var (user, tokens) = await _anonymous.NewCustomerAsync();
        await admin.PostAsync($"/api/users/{user.Id}/sessions/revoke", null);
        var other = await _anonymous.LoginAsTokensAsync(user.Email);
        await _anonymous.LogoutAsync(other.RefreshToken);

        var list = await _anonymous.GetFromJsonAsync<JsonElement>("/internal/revocations");

        var stamp = list.GetProperty("stamps").EnumerateArray().Last(s => s.GetProperty("userId").GetGuid() == user.Id).GetProperty("stamp").GetString();
        var session = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(other.AccessToken);
        Assert.Equal(session.GetClaim("sst").Value, stamp);
        Assert.NotEqual(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken).GetClaim("sst").Value, stamp);
        Assert.Contains(list.GetProperty("sessions").EnumerateArray(), s => s.GetGuid() == Guid.Parse(session.GetClaim("sid").Value));
    }
}
