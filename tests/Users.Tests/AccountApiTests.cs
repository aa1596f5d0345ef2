using System.Net.Http.Json;
using ProductStore.ServiceDefaults.Auth;

namespace ProductStore.Users.Tests;

public class AccountApiTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registering_creates_a_customer_with_a_normalized_email()
    {
        var email = UsersHttp.NewEmail();
        var response = await _client.RegisterAsync("  " + email.ToUpperInvariant() + " ", displayName: " Ada Lovelace ");

        var user = await response.ShouldBe<UserDto>(HttpStatusCode.Created);
        Assert.Equal(email, user.Email);
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.Equal("customer", user.Role);
        Assert.NotEqual(Guid.Empty, user.Id);
        Assert.Equal($"/api/users/{user.Id}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("not-an-email", UsersHttp.Password, "Ada", "email")]
    [InlineData(null, UsersHttp.Password, "Ada", "email")]
    [InlineData("{email}", "elevenchars", "Ada", "password")]
    [InlineData("{email}", null, "Ada", "password")]
    [InlineData("{email}", "{email}", "Ada", "password")]
    [InlineData("{email}", "{EMAIL}!", "Ada", "password")]
    [InlineData("{email}", UsersHttp.Password, " ", "displayName")]
    public async Task Registering_with_bad_input_is_a_400_naming_the_field(string? email, string? password, string displayName, string field)
    {
        var address = UsersHttp.NewEmail();
        string? Fill(string? value) => value?.Replace("{email}", address).Replace("{EMAIL}", address.ToUpperInvariant());

        var response = await _client.PostAsync("/api/users/register",
            JsonContent.Create(new { email = Fill(email), password = Fill(password), displayName }));

        await response.ShouldBeValidationProblem(field);
    }

    [Fact]
    public async Task A_display_name_over_100_characters_is_a_400()
    {
        var response = await _client.RegisterAsync(UsersHttp.NewEmail(), displayName: new string('a', 101));
        await response.ShouldBeValidationProblem("displayName");
    }

    [Fact]
    public async Task An_email_is_taken_whatever_its_case()
    {
        var email = UsersHttp.NewEmail();
        await (await _client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);

        await (await _client.RegisterAsync(email.ToUpperInvariant(), "another long passphrase")).ShouldBeProblem(HttpStatusCode.Conflict);
        // The first account is untouched: its password still works, the second one does not.
        await _client.LoginAsTokensAsync(email);
        await (await _client.LoginAsync(email, "another long passphrase")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_in_returns_a_bearer_token_for_the_account_and_a_refresh_token()
    {
        var email = UsersHttp.NewEmail();
        var registered = await (await _client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);

        var tokens = await _client.LoginAsTokensAsync(email.ToUpperInvariant());

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.Equal(15 * 60, tokens.ExpiresIn);
        Assert.True(tokens.RefreshToken.Length >= 32, tokens.RefreshToken);
        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);
        Assert.Equal(registered, me);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401()
    {
        var email = UsersHttp.NewEmail();
        await (await _client.RegisterAsync(email)).ShouldBe<UserDto>(HttpStatusCode.Created);

        var wrongPassword = await (await _client.LoginAsync(email, "not the right passphrase")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var unknownEmail = await (await _client.LoginAsync(UsersHttp.NewEmail())).ShouldBeProblem(HttpStatusCode.Unauthorized);

        Assert.Equal("Invalid email or password.", wrongPassword.GetProperty("detail").GetString());
        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownEmail.GetProperty("detail").GetString());
        Assert.Equal(wrongPassword.GetProperty("title").GetString(), unknownEmail.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Refreshing_rotates_the_refresh_token()
    {
        var (user, first) = await _client.NewCustomerAsync();

        var second = await (await _client.RefreshAsync(first.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(user.Id, (await (await _client.MeAsync(second.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK)).Id);
        var third = await (await _client.RefreshAsync(second.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var (_, first) = await _client.NewCustomerAsync();
        var second = await (await _client.RefreshAsync(first.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);

        await (await _client.RefreshAsync(first.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        await (await _client.RefreshAsync(second.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reuse_revokes_only_its_own_family()
    {
        var (user, first) = await _client.NewCustomerAsync();
        var otherSession = await _client.LoginAsTokensAsync(user.Email);
        await (await _client.RefreshAsync(first.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);
        await (await _client.RefreshAsync(first.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        await (await _client.RefreshAsync(otherSession.RefreshToken)).ShouldBe<TokenDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_a_401_and_a_missing_one_a_400()
    {
        await (await _client.RefreshAsync("never-issued")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await _client.RefreshAsync("")).ShouldBeValidationProblem("refreshToken");
    }

    [Fact]
    public async Task Logging_out_revokes_the_refresh_token_and_is_idempotent()
    {
        var (_, tokens) = await _client.NewCustomerAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.LogoutAsync(tokens.RefreshToken)).StatusCode);

        await (await _client.RefreshAsync(tokens.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.LogoutAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.LogoutAsync("never-issued")).StatusCode);
    }

    [Fact]
    public async Task Me_needs_a_token_that_Users_issued()
    {
        await (await _client.GetAsync("/api/users/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        // Signed by the test key that ServiceFactory's metadata handler would publish: Users trusts only its own key.
        await (await _client.MeAsync(factory.Tokens.Customer())).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await _client.MeAsync(TestTokens.Unsigned(Roles.Customer))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var (_, tokens) = await _client.NewCustomerAsync();
        var parts = tokens.AccessToken.Split('.');
        await (await _client.MeAsync($"{parts[0]}.{parts[1]}x.{parts[2]}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Users_checks_its_own_tokens_without_calling_itself()
    {
        var (user, tokens) = await _client.NewCustomerAsync();

        var me = await (await _client.MeAsync(tokens.AccessToken)).ShouldBe<UserDto>(HttpStatusCode.OK);

        Assert.Equal(user.Id, me.Id);
        Assert.Equal(0, factory.SelfCalls.Count);
    }

    [Fact]
    public async Task A_service_token_is_not_an_account()
    {
        var token = await (await _client.PostAsync("/internal/token", JsonContent.Create(
            new { clientId = "orders", clientSecret = UsersFactory.OrdersClientSecret }))).ShouldBe<ServiceTokenDto>(HttpStatusCode.OK);

        await (await _client.MeAsync(token.AccessToken)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
