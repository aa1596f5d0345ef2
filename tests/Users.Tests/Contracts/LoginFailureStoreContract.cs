using ProductStore.Users.Storage;

namespace ProductStore.Users.Tests.Contracts;

public sealed class SqliteLoginFailureStoreTests(SqliteUsersStores stores) : LoginFailureStoreContract(stores), IClassFixture<SqliteUsersStores>;

public sealed class CassandraLoginFailureStoreTests(CassandraUsersStores stores) : LoginFailureStoreContract(stores), IClassFixture<CassandraUsersStores>;

/// <summary>What every ILoginFailureStore must do: count each failure exactly once, however many race, until reset.</summary>
public abstract class LoginFailureStoreContract(StoreFixture stores)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    private Task<ILoginFailureStore> Store() => stores.GetAsync<ILoginFailureStore>();

    private static TimeSpan SecondsPerFailure(int failures) => TimeSpan.FromSeconds(failures);

    [Fact]
    public async Task Failures_count_up_block_for_the_delay_of_the_count_and_reset_to_nothing()
    {
        var store = await Store();
        var account = $"{Guid.NewGuid():N}@example.test";
        Assert.Null(await store.FindAsync(account, Now, default));

        Assert.Equal(new LoginFailures(1, Now.AddSeconds(1)), await store.AddFailureAsync(account, Now, SecondsPerFailure, default));
        Assert.Equal(new LoginFailures(2, Now.AddSeconds(12)), await store.AddFailureAsync(account, Now.AddSeconds(10), SecondsPerFailure, default));
        Assert.Equal(new LoginFailures(2, Now.AddSeconds(12)), await store.FindAsync(account, Now.AddSeconds(11), default));

        await store.ResetAsync(account, default);
        Assert.Null(await store.FindAsync(account, Now.AddSeconds(12), default));
        Assert.Equal(1, (await store.AddFailureAsync(account, Now.AddSeconds(13), SecondsPerFailure, default)).Count);
    }

    [Fact]
    public async Task Racing_failures_of_one_account_each_count_once()
    {
        var store = await Store();
        var account = $"{Guid.NewGuid():N}@example.test";

        var counts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.AddFailureAsync(account, Now, SecondsPerFailure, default))));

        Assert.Equal(Enumerable.Range(1, 10), counts.Select(c => c.Count).Order());
        Assert.Equal(10, (await store.FindAsync(account, Now, default))!.Count);
    }
}
