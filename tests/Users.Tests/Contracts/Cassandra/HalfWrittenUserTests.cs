using ProductStore.ServiceDefaults.Storage.Cassandra;
using ProductStore.Users.Domain;
using ProductStore.Users.Storage;
using ProductStore.Users.Storage.Cassandra;

namespace ProductStore.Users.Tests.Contracts.Cassandra;

/// <summary>
/// What the Cassandra user store leaves when a writer dies between its writes, planted by hand: an email claim
/// without its account, an account whose role changed without its index entry.
/// </summary>
public sealed class HalfWrittenUserTests(CassandraUsersStores stores) : IClassFixture<CassandraUsersStores>
{
    private static User NewUser(string role = "customer") =>
        User.Create($"{Guid.NewGuid():N}@example.test", "Grace Hopper", role, "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==", DateTimeOffset.UtcNow);

    private async Task<(IUserStore Store, CassandraDatabase Database)> StoresAsync() =>
        (await stores.GetAsync<IUserStore>(), await stores.GetAsync<CassandraDatabase>());

    private static Task ClaimAsync(CassandraDatabase database, string email, Guid id, DateTimeOffset claimedAt) =>
        database.ExecuteAsync("test.claim", "INSERT INTO users_by_email (email, id, claimed_at) VALUES (?, ?, ?)", email, id, claimedAt);

    [Fact]
    public async Task An_abandoned_email_claim_is_taken_over_by_the_next_registration()
    {
        var (store, database) = await StoresAsync();
        var user = NewUser();
        await ClaimAsync(database, user.Email, Guid.NewGuid(), DateTimeOffset.UtcNow - CassandraUserStore.AbandonedClaimAge - TimeSpan.FromMinutes(1));
        Assert.Null(await store.FindByEmailAsync(user.Email, default));

        Assert.True(await store.TryAddAsync(user, default));

        Assert.Equal(user, await store.FindByEmailAsync(user.Email, default));
    }

    [Fact]
    public async Task A_fresh_claim_whose_account_is_still_being_written_holds_the_email()
    {
        var (store, database) = await StoresAsync();
        var user = NewUser();
        await ClaimAsync(database, user.Email, Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.False(await store.TryAddAsync(user, default));
        Assert.Null(await store.FindByIdAsync(user.Id, default));
    }

    [Fact]
    public async Task A_registration_retried_after_its_account_write_failed_completes()
    {
        var (store, database) = await StoresAsync();
        var user = NewUser();
        await ClaimAsync(database, user.Email, user.Id, DateTimeOffset.UtcNow);

        Assert.True(await store.TryAddAsync(user, default));

        Assert.Equal(user, await store.FindByEmailAsync(user.Email, default));
    }

    [Fact]
    public async Task A_role_change_whose_index_write_was_lost_is_ignored_then_repaired_by_the_next_change()
    {
        var (store, database) = await StoresAsync();
        var (before, after) = ($"role-{Guid.NewGuid():N}", $"role-{Guid.NewGuid():N}");
        var user = NewUser(before);
        await store.TryAddAsync(user, default);
        await database.ExecuteAsync("test.change_role", "UPDATE users_by_id SET role = ?, role_version = 1 WHERE id = ?", after, user.Id);

        Assert.False(await store.AnyInRoleAsync(before, default));
        Assert.False(await store.AnyInRoleAsync(after, default));

        Assert.Equal(new RoleChangeOutcome.Unchanged(user with { Role = after }), await store.ChangeRoleAsync(user.Id, after, default));
        Assert.True(await store.AnyInRoleAsync(after, default));
    }
}
