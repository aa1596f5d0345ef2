using ProductStore.Orders.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Contracts;

public sealed class SqliteCartCheckoutLockTests(SqliteOrdersStores stores) : CartCheckoutLockContract(stores), IClassFixture<SqliteOrdersStores>;

public sealed class CassandraCartCheckoutLockTests(CassandraOrdersStores stores) : CartCheckoutLockContract(stores), IClassFixture<CassandraOrdersStores>;

/// <summary>What every ICartCheckoutLocks must do: one key holds a user's cart at a time, and a dead holder is replaced.</summary>
public abstract class CartCheckoutLockContract(StoreFixture stores)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private Task<ICartCheckoutLocks> Locks() => stores.GetAsync<ICartCheckoutLocks>();

    private static Task<bool> TryLock(ICartCheckoutLocks locks, Guid user, string key, DateTimeOffset at) => locks.TryLockAsync(user, key, at, at - Lease, default);

    [Fact]
    public async Task A_cart_is_held_by_one_key_until_that_key_frees_it()
    {
        var locks = await Locks();
        var user = Guid.NewGuid();

        Assert.True(await TryLock(locks, user, "a", Now));
        Assert.True(await TryLock(locks, user, "a", Now.AddSeconds(1)));
        Assert.False(await TryLock(locks, user, "b", Now.AddSeconds(2)));
        Assert.True(await TryLock(locks, Guid.NewGuid(), "b", Now.AddSeconds(2)));

        await locks.UnlockAsync(user, "b", default);
        Assert.False(await TryLock(locks, user, "b", Now.AddSeconds(3)));
        await locks.UnlockAsync(user, "a", default);
        Assert.True(await TryLock(locks, user, "b", Now.AddSeconds(4)));
    }

    [Fact]
    public async Task A_lock_older_than_the_lease_is_taken_over()
    {
        var locks = await Locks();
        var user = Guid.NewGuid();
        Assert.True(await TryLock(locks, user, "dead", Now));

        Assert.False(await TryLock(locks, user, "next", Now + Lease));
        Assert.True(await TryLock(locks, user, "next", Now + Lease + TimeSpan.FromSeconds(1)));
        Assert.False(await TryLock(locks, user, "dead", Now + Lease + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Racing_keys_lock_one_cart_exactly_once()
    {
        var locks = await Locks();
        var user = Guid.NewGuid();

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => TryLock(locks, user, "key " + i, Now))));

        Assert.Single(taken, t => t);
    }

    [Fact]
    public async Task Racing_take_overs_of_a_dead_lock_let_exactly_one_in()
    {
        var locks = await Locks();
        var user = Guid.NewGuid();
        Assert.True(await TryLock(locks, user, "dead", Now));
        var later = Now + Lease + TimeSpan.FromSeconds(5);

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => TryLock(locks, user, "key " + i, later))));

        Assert.Single(taken, t => t);
    }
}
