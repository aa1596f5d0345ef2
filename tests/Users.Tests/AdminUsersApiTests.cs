using System.Net.Http.Json;

namespace ProductStore.Users.Tests;

public class AdminUsersApiTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task An_admin_pages_through_every_account_by_cursor()
    {
        var registered = new List<Guid>();
        for (var i = 0; i < 7; i++) registered.Add((await (await _anonymous.RegisterAsync(UsersHttp.NewEmail())).ShouldBe<UserDto>(HttpStatusCode.Created)).Id);
        var admin = await factory.CreateLoggedInAdminAsync();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync("/api/users?limit=2" + (cursor is null ? "" : "&cursor=" + cursor))).ShouldBe<UserPageDto>(HttpStatusCode.OK);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(u => u.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Superset(registered.ToHashSet(), seen.ToHashSet());
        Assert.Equal(seen.Order().ToList(), seen);
    }

    [Fact]
    public async Task The_default_page_has_20_accounts()
    {
        for (var i = 0; i < 21; i++) await (await _anonymous.RegisterAsync(UsersHttp.NewEmail())).ShouldBe<UserDto>(HttpStatusCode.Created);
        var admin = await factory.CreateLoggedInAdminAsync();

        var page = await (await admin.GetAsync("/api/users")).ShouldBe<UserPageDto>(HttpStatusCode.OK);

        Assert.Equal(20, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task A_foreign_cursor_or_a_bad_limit_is_a_400()
    {
        var admin = await factory.CreateLoggedInAdminAsync();
        await (await admin.GetAsync("/api/users?cursor=" + ServiceDefaults.Storage.Cursor.Encode("orders", "x"))).ShouldBeValidationProblem("cursor");
        await (await admin.GetAsync("/api/users?cursor=" + ServiceDefaults.Storage.Cursor.Encode("users", "not-a-guid"))).ShouldBeValidationProblem("cursor");
        await (await admin.GetAsync("/api/users?limit=0")).ShouldBeValidationProblem("limit");
    }

    [Fact]
    public async Task Only_admins_list_accounts_or_change_roles()
    {
        var (customer, tokens) = await _anonymous.NewCustomerAsync();
        var client = factory.CreateClient(tokens.AccessToken);

        await (await _anonymous.GetAsync("/api/users")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/users")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await client.PutAsJsonAsync($"/api/users/{customer.Id}/role", new { role = "admin" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await _anonymous.PutAsJsonAsync($"/api/users/{customer.Id}/role", new { role = "admin" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_promotes_a_customer_who_gets_admin_tokens_at_the_next_login()
    {
        var (customer, tokens) = await _anonymous.NewCustomerAsync();
        var admin = await factory.CreateLoggedInAdminAsync();

        var changed = await (await admin.PutAsJsonAsync($"/api/users/{customer.Id}/role", new { role = "admin" })).ShouldBe<UserDto>(HttpStatusCode.OK);

        Assert.Equal("admin", changed.Role);
        Assert.Equal(customer.Id, changed.Id);
        // A role change ends the account's sessions: the old refresh token is refused, a new login carries the new role.
        await (await _anonymous.RefreshAsync(tokens.RefreshToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var promoted = await _anonymous.LoginAsTokensAsync(customer.Email);
        await (await factory.CreateClient(promoted.AccessToken).GetAsync("/api/users")).ShouldBe<UserPageDto>(HttpStatusCode.OK);
        var back = await (await admin.PutAsJsonAsync($"/api/users/{customer.Id}/role", new { role = "customer" })).ShouldBe<UserDto>(HttpStatusCode.OK);
        Assert.Equal("customer", back.Role);
    }

    [Fact]
    public async Task Changing_the_role_of_an_unknown_account_is_a_404_and_an_unknown_role_a_400()
    {
        var (customer, _) = await _anonymous.NewCustomerAsync();
        var admin = await factory.CreateLoggedInAdminAsync();

        await (await admin.PutAsJsonAsync($"/api/users/{Guid.NewGuid()}/role", new { role = "admin" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/users/{customer.Id}/role", new { role = "service" })).ShouldBeValidationProblem("role");
        await (await admin.PutAsJsonAsync($"/api/users/{customer.Id}/role", new { role = (string?)null })).ShouldBeValidationProblem("role");
    }
}
