using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.Users.Domain;
using ProductStore.Users.Storage;
using static ProductStore.TestSupport.StorePages;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteUserStoreTests(SqliteUsersStores stores) : UserStoreContract(stores), IClassFixture<SqliteUsersStores>;

public sealed class CassandraUserStoreTests(CassandraUsersStores stores) : UserStoreContract(stores), IClassFixture<CassandraUsersStores>;

/// <summary>What every IUserStore must do, whichever database holds the accounts.</summary>
public abstract class UserStoreContract(StoreFixture stores)
{
    private static readonly DateTimeOffset CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    private Task<IUserStore> Store() => stores.GetAsync<IUserStore>();

    private static User NewUser(string? email = null, string role = Roles.Customer) =>
        User.Create(email ?? $"{Guid.NewGuid():N}@example.test", "Ada Lovelace — ünïcode", role, $"pbkdf2-sha256$1000${Guid.NewGuid():N}$x", CreatedAt);

    /// <summary>A role no other test uses, so "any in role" answers for this test's users alone.</summary>
    private static string FreshRole() => $"role-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_added_user_reads_back_by_id_and_by_email_field_for_field()
    {
        var store = await Store();
        var user = NewUser();

        Assert.True(await store.TryAddAsync(user, default));

        Assert.Equal(user, await store.FindByIdAsync(user.Id, default));
        Assert.Equal(user, await store.FindByEmailAsync(user.Email, default));
    }

    [Fact]
    public async Task Unknown_ids_and_emails_find_nobody()
    {
        var store = await Store();

        Assert.Null(await store.FindByIdAsync(Guid.NewGuid(), default));
        Assert.Null(await store.FindByEmailAsync($"{Guid.NewGuid():N}@example.test", default));
    }

    [Fact]
    public async Task An_email_is_taken_once_and_the_first_account_keeps_it()
    {
        var store = await Store();
        var first = NewUser();
        var second = NewUser(first.Email, Roles.Admin);

        Assert.True(await store.TryAddAsync(first, default));
        Assert.False(await store.TryAddAsync(second, default));
        Assert.False(await store.TryAddAsync(first, default));

        Assert.Equal(first, await store.FindByEmailAsync(first.Email, default));
        Assert.Null(await store.FindByIdAsync(second.Id, default));
    }

    [Fact]
    public async Task Racing_adds_of_one_email_let_exactly_one_account_in()
    {
        var store = await Store();
        var email = $"{Guid.NewGuid():N}@example.test";
        var contenders = Enumerable.Range(0, 6).Select(_ => NewUser(email)).ToList();

        var added = await Task.WhenAll(contenders.Select(user => Task.Run(() => store.TryAddAsync(user, default))));

        var winner = contenders[Assert.Single(Enumerable.Range(0, added.Length), i => added[i])];
        Assert.Equal(winner, await store.FindByEmailAsync(email, default));
        foreach (var loser in contenders.Where(u => u != winner)) Assert.Null(await store.FindByIdAsync(loser.Id, default));
    }

    [Fact]
    public async Task Any_in_role_follows_adds_and_role_changes()
    {
        var store = await Store();
        var (before, after) = (FreshRole(), FreshRole());
        Assert.False(await store.AnyInRoleAsync(before, default));

        var user = NewUser(role: before);
        await store.TryAddAsync(user, default);
        Assert.True(await store.AnyInRoleAsync(before, default));

        await store.ChangeRoleAsync(user.Id, after, default);
        Assert.False(await store.AnyInRoleAsync(before, default));
        Assert.True(await store.AnyInRoleAsync(after, default));
    }

    [Fact]
    public async Task Changing_a_role_returns_the_user_with_it_and_a_new_security_stamp_and_stores_both()
    {
        var store = await Store();
        var user = NewUser();
        await store.TryAddAsync(user, default);

        var changed = Assert.IsType<RoleChangeOutcome.Changed>(await store.ChangeRoleAsync(user.Id, Roles.Admin, default)).User;

        Assert.Equal(user with { Role = Roles.Admin, SecurityStamp = changed.SecurityStamp }, changed);
        Assert.NotEqual(user.SecurityStamp, changed.SecurityStamp);
        Assert.Equal(changed, await store.FindByIdAsync(user.Id, default));
        Assert.Equal(changed, await store.FindByEmailAsync(user.Email, default));
        Assert.Equal(new RoleChangeOutcome.Unchanged(changed), await store.ChangeRoleAsync(user.Id, Roles.Admin, default));
    }

    [Fact]
    public async Task Changing_the_role_of_nobody_finds_nobody()
    {
        var store = await Store();

        Assert.IsType<RoleChangeOutcome.NotFound>(await store.ChangeRoleAsync(Guid.NewGuid(), Roles.Admin, default));
        Assert.Null(await store.RenewSecurityStampAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Renewing_the_security_stamp_keeps_everything_else()
    {
        var store = await Store();
        var user = NewUser();
        await store.TryAddAsync(user, default);

        var renewed = await store.RenewSecurityStampAsync(user.Id, default);

        Assert.Equal(user with { SecurityStamp = renewed!.SecurityStamp }, renewed);
        Assert.NotEqual(user.SecurityStamp, renewed.SecurityStamp);
        Assert.Equal(renewed, await store.FindByIdAsync(user.Id, default));
    }

    [Fact]
    public async Task Changing_the_password_replaces_hash_and_stamp_and_nothing_else()
    {
        var store = await Store();
        var user = NewUser();
        await store.TryAddAsync(user, default);

        var changed = await store.ChangePasswordAsync(user.Id, "pbkdf2-sha256$1000$bmV3$aGFzaA==", default);

        Assert.Equal(user with { PasswordHash = "pbkdf2-sha256$1000$bmV3$aGFzaA==", SecurityStamp = changed!.SecurityStamp }, changed);
        Assert.NotEqual(user.SecurityStamp, changed.SecurityStamp);
        Assert.Equal(changed, await store.FindByEmailAsync(user.Email, default));
        Assert.Null(await store.ChangePasswordAsync(Guid.NewGuid(), "x", default));
    }

    [Fact]
    public async Task Admins_demoting_each_other_at_once_leave_one_admin()
    {
        var store = await Store();
        var (first, second) = (NewUser(role: Roles.Admin), NewUser(role: Roles.Admin));
        await store.TryAddAsync(first, default);
        await store.TryAddAsync(second, default);
        // Every other admin of the shared store steps down first, so these two are the last.
        foreach (var other in await OtherAdminsAsync(store, first.Id, second.Id))
            Assert.IsType<RoleChangeOutcome.Changed>(await store.ChangeRoleAsync(other, Roles.Customer, default));

        var outcomes = await Task.WhenAll(Task.Run(() => store.ChangeRoleAsync(first.Id, Roles.Customer, default)),
            Task.Run(() => store.ChangeRoleAsync(second.Id, Roles.Customer, default)));

        Assert.Single(outcomes.OfType<RoleChangeOutcome.Changed>());
        Assert.Single(outcomes.OfType<RoleChangeOutcome.LastAdmin>());
        Assert.True(await store.AnyInRoleAsync(Roles.Admin, default));
        var last = outcomes[0] is RoleChangeOutcome.LastAdmin ? first : second;
        Assert.IsType<RoleChangeOutcome.LastAdmin>(await store.ChangeRoleAsync(last.Id, Roles.Customer, default));
        Assert.Equal(Roles.Admin, (await store.FindByIdAsync(last.Id, default))!.Role);
    }

    private static async Task<List<Guid>> OtherAdminsAsync(IUserStore store, params Guid[] keep)
    {
        var admins = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(cursor, 100, default);
            admins.AddRange(page.Items.Where(u => u.Role == Roles.Admin && !keep.Contains(u.Id)).Select(u => u.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        return admins;
    }

    [Fact]
    public async Task Racing_role_changes_leave_the_user_in_exactly_one_of_the_roles()
    {
        var store = await Store();
        var roles = Enumerable.Range(0, 4).Select(_ => FreshRole()).ToList();
        var user = NewUser(role: roles[0]);
        await store.TryAddAsync(user, default);

        // Back and forth, so that a stale index entry of an earlier change would show.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => store.ChangeRoleAsync(user.Id, roles[i % roles.Count], default))));

        var final = (await store.FindByIdAsync(user.Id, default))!.Role;
        foreach (var role in roles) Assert.Equal(role == final, await store.AnyInRoleAsync(role, default));
    }

    [Fact]
    public async Task Listing_pages_through_every_user_exactly_once_in_a_stable_order()
    {
        var store = await Store();
        var added = Enumerable.Range(0, 7).Select(_ => NewUser()).ToList();
        foreach (var user in added) await store.TryAddAsync(user, default);

        var first = await AllPagesAsync((cursor, size) => store.ListAsync(cursor, size, default), limit: 3);
        var second = await AllPagesAsync((cursor, size) => store.ListAsync(cursor, size, default), limit: 3);

        Assert.Equal(first.Count, first.Select(u => u.Id).Distinct().Count());
        foreach (var user in added) Assert.Equal(user, Assert.Single(first, u => u.Id == user.Id));
        Assert.Equal(first.Select(u => u.Id), second.Select(u => u.Id));
    }

    [Fact]
    public async Task A_cursor_this_listing_did_not_issue_is_refused()
    {
        var store = await Store();

        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAsync(Cursor.Encode("orders", "x"), 5, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAsync(Cursor.Encode("users", "not-a-position"), 5, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.ListAsync("%%%", 5, default));
    }
}
