using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;
using ProductStore.TestSupport;
using static ProductStore.Orders.Tests.Contracts.OrderSamples;

namespace ProductStore.Orders.Tests.Contracts;

public sealed class SqliteCheckoutStoreTests(SqliteOrdersStores stores) : CheckoutStoreContract(stores), IClassFixture<SqliteOrdersStores>;

public sealed class CassandraCheckoutStoreTests(CassandraOrdersStores stores) : CheckoutStoreContract(stores), IClassFixture<CassandraOrdersStores>;

/// <summary>What every ICheckoutStore must do, whichever database holds the idempotency keys.</summary>
public abstract class CheckoutStoreContract(StoreFixture stores)
{
    private const int Plenty = 10_000;

    private Task<ICheckoutStore> Store() => stores.GetAsync<ICheckoutStore>();

    [Fact]
    public async Task A_key_is_claimed_once_and_then_answers_with_the_stored_claim()
    {
        var store = await Store();
        var first = ClaimFor(Guid.NewGuid(), Now);

        Assert.Equal((first, true), await store.ClaimAsync(first, default));
        Assert.Equal((first, false), await store.ClaimAsync(ClaimFor(first.UserId, Now.AddSeconds(1), first.Key), default));
        Assert.Equal(first, await store.FindAsync(first.UserId, first.Key, default));
        Assert.Null(await store.FindAsync(first.UserId, "another key", default));
        Assert.True((await store.ClaimAsync(ClaimFor(Guid.NewGuid(), Now, first.Key), default)).Inserted);
    }

    [Fact]
    public async Task Racing_claims_of_one_key_insert_exactly_one()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var candidates = Enumerable.Range(0, 8).Select(_ => ClaimFor(user, Now, "same key")).ToList();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => store.ClaimAsync(c, default))));

        var winner = Assert.Single(results, r => r.Inserted).Claim;
        Assert.Contains(winner, candidates);
        Assert.All(results, r => Assert.Equal(winner, r.Claim));
        Assert.Equal(winner, await store.FindAsync(user, "same key", default));
    }

    [Fact]
    public async Task Completing_stores_the_order_and_finishes_the_claim_once()
    {
        var store = await Store();
        var orders = await stores.GetAsync<IOrderStore>();
        var order = NewOrder(dueAt: Now.AddSeconds(30));
        var claim = ClaimFor(order.UserId, Now) with { OrderId = order.Id };
        await store.ClaimAsync(claim, default);

        await store.CompleteAsync(claim, order, default);
        // A recovery completing it again keeps the order stored first.
        var again = await orders.FindAsync(order.Id, default);
        again!.MoveTo(OrderStatus.Paid, "system:test", Now.AddMinutes(1), null);
        await store.CompleteAsync(claim, again, default);

        Assert.Equal(claim with { Completed = true }, await store.FindAsync(claim.UserId, claim.Key, default));
        AssertSame(order, await orders.FindAsync(order.Id, default));
        AssertSame(order, Assert.Single((await orders.ListByUserAsync(order.UserId, null, 10, default)).Items));
        Assert.DoesNotContain(await store.FindStaleAsync(DateTimeOffset.MaxValue, Plenty, default), c => c.Key == claim.Key);
    }

    [Fact]
    public async Task A_claim_is_taken_over_only_from_the_claimed_at_seen_and_never_once_completed()
    {
        var store = await Store();
        var claim = ClaimFor(Guid.NewGuid(), Now);
        await store.ClaimAsync(claim, default);

        Assert.True(await store.TryTakeOverAsync(claim, Now, Now.AddMinutes(5), default));
        Assert.False(await store.TryTakeOverAsync(claim, Now, Now.AddMinutes(6), default));
        Assert.Equal(claim with { ClaimedAt = Now.AddMinutes(5) }, await store.FindAsync(claim.UserId, claim.Key, default));

        await store.CompleteAsync(claim, NewOrder(claim.UserId), default);
        Assert.False(await store.TryTakeOverAsync(claim, Now.AddMinutes(5), Now.AddMinutes(7), default));
        Assert.False(await store.TryTakeOverAsync(ClaimFor(Guid.NewGuid(), Now), Now, Now.AddMinutes(7), default));
        Assert.Equal(claim with { Completed = true, ClaimedAt = Now.AddMinutes(5) }, await store.FindAsync(claim.UserId, claim.Key, default));
        Assert.DoesNotContain(await store.FindStaleAsync(DateTimeOffset.MaxValue, Plenty, default), c => c.Key == claim.Key);
    }

    [Fact]
    public async Task Racing_take_overs_from_one_claimed_at_succeed_exactly_once()
    {
        var store = await Store();
        var claim = ClaimFor(Guid.NewGuid(), Now);
        await store.ClaimAsync(claim, default);
        var attempts = Enumerable.Range(1, 6).Select(i => Now.AddMinutes(10).AddMilliseconds(i)).ToList();

        var taken = await Task.WhenAll(attempts.Select(at => Task.Run(() => store.TryTakeOverAsync(claim, Now, at, default))));

        Assert.Single(taken, true);
        Assert.Equal(attempts[Array.IndexOf(taken, true)], (await store.FindAsync(claim.UserId, claim.Key, default))!.ClaimedAt);
        var stale = await store.FindStaleAsync(DateTimeOffset.MaxValue, Plenty, default);
        Assert.Equal(attempts[Array.IndexOf(taken, true)], Assert.Single(stale, c => c.Key == claim.Key).ClaimedAt);
    }

    [Fact]
    public async Task Abandoning_sets_an_unfinished_claim_to_the_epoch_whoever_holds_it()
    {
        var store = await Store();
        var (unfinished, completed) = (ClaimFor(Guid.NewGuid(), Now), ClaimFor(Guid.NewGuid(), Now));
        await store.ClaimAsync(unfinished, default);
        await store.ClaimAsync(completed, default);
        await store.CompleteAsync(completed, NewOrder(completed.UserId), default);
        Assert.True(await store.TryTakeOverAsync(unfinished, Now, Now.AddMinutes(1), default));

        await store.AbandonAsync(unfinished, default);
        await store.AbandonAsync(unfinished, default);
        await store.AbandonAsync(completed, default);

        Assert.Equal(unfinished with { ClaimedAt = DateTimeOffset.UnixEpoch }, await store.FindAsync(unfinished.UserId, unfinished.Key, default));
        Assert.Equal(completed with { Completed = true }, await store.FindAsync(completed.UserId, completed.Key, default));
        var stale = await store.FindStaleAsync(Now, Plenty, default);
        Assert.Equal(DateTimeOffset.UnixEpoch, Assert.Single(stale, c => c.Key == unfinished.Key).ClaimedAt);
        Assert.True(await store.TryTakeOverAsync(unfinished, DateTimeOffset.UnixEpoch, Now.AddMinutes(2), default));
    }

    [Fact]
    public async Task Deleting_forgets_an_unfinished_claim_so_its_key_can_be_used_again_but_keeps_a_completed_one()
    {
        var store = await Store();
        var (unfinished, completed) = (ClaimFor(Guid.NewGuid(), Now), ClaimFor(Guid.NewGuid(), Now));
        await store.ClaimAsync(unfinished, default);
        await store.ClaimAsync(completed, default);
        await store.CompleteAsync(completed, NewOrder(completed.UserId), default);
        Assert.True(await store.TryTakeOverAsync(unfinished, Now, Now.AddMinutes(1), default));

        await store.DeleteAsync(unfinished.UserId, unfinished.Key, default);
        await store.DeleteAsync(completed.UserId, completed.Key, default);
        await store.DeleteAsync(Guid.NewGuid(), "never claimed", default);

        Assert.Null(await store.FindAsync(unfinished.UserId, unfinished.Key, default));
        Assert.DoesNotContain(await store.FindStaleAsync(DateTimeOffset.MaxValue, Plenty, default), c => c.Key == unfinished.Key);
        Assert.NotNull(await store.FindAsync(completed.UserId, completed.Key, default));
        var reused = ClaimFor(unfinished.UserId, Now.AddMinutes(2), unfinished.Key);
        Assert.Equal((reused, true), await store.ClaimAsync(reused, default));
    }

    [Fact]
    public async Task Stale_claims_are_the_unfinished_ones_claimed_before_the_cutoff_oldest_first()
    {
        var store = await Store();
        // Before any other test's claims but the abandoned ones (at the epoch).
        var cutoff = new DateTimeOffset(1985, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var stale = new[] { 3, 1, 2 }.Select(minutes => ClaimFor(Guid.NewGuid(), cutoff.AddMinutes(-minutes))).ToList();
        var (atCutoff, completed, takenOver) = (ClaimFor(Guid.NewGuid(), cutoff), ClaimFor(Guid.NewGuid(), cutoff.AddMinutes(-5)), ClaimFor(Guid.NewGuid(), cutoff.AddMinutes(-4)));
        foreach (var claim in stale.Append(atCutoff).Append(completed).Append(takenOver)) await store.ClaimAsync(claim, default);
        await store.CompleteAsync(completed, NewOrder(completed.UserId), default);
        Assert.True(await store.TryTakeOverAsync(takenOver, takenOver.ClaimedAt, cutoff.AddHours(1), default));

        var found = await store.FindStaleAsync(cutoff, Plenty, default);

        Assert.All(found, c => Assert.True(!c.Completed && c.ClaimedAt < cutoff));
        Assert.All(found.Zip(found.Skip(1)), pair => Assert.True(pair.First.ClaimedAt <= pair.Second.ClaimedAt));
        var keys = stale.Select(c => c.Key).ToHashSet();
        Assert.Equal(stale.OrderBy(c => c.ClaimedAt), found.Where(c => keys.Contains(c.Key)));
        Assert.DoesNotContain(found, c => c.Key == atCutoff.Key || c.Key == completed.Key || c.Key == takenOver.Key);
        Assert.Equal(found.Take(2), await store.FindStaleAsync(cutoff, 2, default));
    }
}
