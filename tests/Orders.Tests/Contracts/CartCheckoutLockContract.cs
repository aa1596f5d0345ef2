using ProductStore.Orders.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests.Contracts;

public sealed class SqliteCartCheckoutLockTests(SqliteOrdersStores stores) : CartCheckoutLockContract(stores), IClassFixture<SqliteOrdersStores>;

public sealed class CassandraCartCheckoutLockTests(CassandraOrdersStores stores) : CartCheckoutLockContract(stores), IClassFixture<CassandraOrdersStores>;

/// <summary>What every ICartCheckoutLocks must do: one request holds a user's cart at a time, and a dead holder is replaced.</summary>
public abstract class CartCheckoutLockContract(StoreFixture stores)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private Task<ICartCheckoutLocks> Locks() => stores.GetAsync<ICartCheckoutLocks>();

    private static Task<CartLockOutcome> TryLock(ICartCheckoutLocks locks, Guid user, string key, Guid owner, DateTimeOffset at) =>
        locks.TryLockAsync(user, key, owner, at, at - Lease, default);

    [Fact]
    public async Task A_cart_is_held_by_one_request_until_it_frees_it_and_others_learn_whether_it_runs_their_key()
    {
        var locks = await Locks();
        var (user, first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, user, "a", first, Now));
        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, user, "a", first, Now.AddSeconds(1)));
        Assert.Equal(CartLockOutcome.HeldBySameKey, await TryLock(locks, user, "a", second, Now.AddSeconds(2)));
        Assert.Equal(CartLockOutcome.HeldByOtherKey, await TryLock(locks, user, "b", third, Now.AddSeconds(2)));
        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, Guid.NewGuid(), "b", third, Now.AddSeconds(2)));

        await locks.UnlockAsync(user, second, default);
        Assert.Equal(CartLockOutcome.HeldByOtherKey, await TryLock(locks, user, "b", third, Now.AddSeconds(3)));
        await locks.UnlockAsync(user, first, default);
        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, user, "b", third, Now.AddSeconds(4)));
    }

    [Fact]
    public async Task A_lock_older_than_the_lease_is_taken_over()
    {
        var locks = await Locks();
        var (user, dead, next) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, user, "dead", dead, Now));

        Assert.Equal(CartLockOutcome.HeldByOtherKey, await TryLock(locks, user, "next", next, Now + Lease));
        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, user, "next", next, Now + Lease + TimeSpan.FromSeconds(1)));
        Assert.Equal(CartLockOutcome.HeldByOtherKey, await TryLock(locks, user, "dead", dead, Now + Lease + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Racing_requests_lock_one_cart_exactly_once()
    {
        var locks = await Locks();
        var user = Guid.NewGuid();

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => TryLock(locks, user, "key " + (i % 2), Guid.NewGuid(), Now))));

        Assert.Single(taken, t => t == CartLockOutcome.Acquired);
    }

    [Fact]
    public async Task Racing_take_overs_of_a_dead_lock_let_exactly_one_in()
    {
        var locks = await Locks();
        var user = Guid.NewGuid();
        Assert.Equal(CartLockOutcome.Acquired, await TryLock(locks, user, "dead", Guid.NewGuid(), Now));
        var later = Now + Lease + TimeSpan.FromSeconds(5);

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => TryLock(locks, user, "key " + i, Guid.NewGuid(), later))));

        Assert.Single(taken, t => t == CartLockOutcome.Acquired);
    }
}
