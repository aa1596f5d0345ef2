using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;
using ProductStore.Storage;
using ProductStore.TestSupport;
using static ProductStore.Orders.Tests.Contracts.OrderSamples;
using static ProductStore.TestSupport.StorePages;

namespace ProductStore.Orders.Tests.Contracts;

public sealed class SqliteOrderStoreTests(SqliteOrdersStores stores) : OrderStoreContract(stores), IClassFixture<SqliteOrdersStores>;

public sealed class CassandraOrderStoreTests(CassandraOrdersStores stores) : OrderStoreContract(stores), IClassFixture<CassandraOrdersStores>;

/// <summary>What every IOrderStore must do, whichever database holds the orders. Orders are stored by checkout.</summary>
public abstract class OrderStoreContract(StoreFixture stores)
{
    private const int Plenty = 10_000;

    private async Task<(IOrderStore Orders, ICheckoutStore Checkouts)> Stores() =>
        (await stores.GetAsync<IOrderStore>(), await stores.GetAsync<ICheckoutStore>());

    [Fact]
    public async Task A_placed_order_reads_back_field_for_field()
    {
        var (orders, checkouts) = await Stores();
        var order = await checkouts.PlaceAsync(NewOrder(dueAt: Now.AddMinutes(5)));

        AssertSame(order, await orders.FindAsync(order.Id, default));
        Assert.Null(await orders.FindAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task A_users_orders_page_newest_first_each_exactly_once()
    {
        var (orders, checkouts) = await Stores();
        var user = Guid.NewGuid();
        // Same-millisecond ties and month boundaries are where paging slips.
        DateTimeOffset[] times = [Now, Now, Now.AddDays(-40), Now.AddDays(-40), Now.AddDays(-40), Now.AddMilliseconds(1), Now.AddDays(-400)];
        var placed = new List<Order>();
        foreach (var at in times) placed.Add(await checkouts.PlaceAsync(NewOrder(user, at)));
        await checkouts.PlaceAsync(NewOrder(placedAt: Now));

        foreach (var limit in new[] { 1, 2, 3, 7, 100 })
        {
            var listed = await AllPagesAsync((cursor, size) => orders.ListByUserAsync(user, cursor, size, default), limit);
            Assert.Equal(placed.Count, listed.Count);
            AssertNewestFirstOnce(listed, placed);
        }
    }

    [Fact]
    public async Task All_orders_page_newest_first_each_exactly_once_across_months()
    {
        var (orders, checkouts) = await Stores();
        var monthEnd = new DateTimeOffset(2031, 1, 31, 23, 59, 59, 999, TimeSpan.Zero);
        DateTimeOffset[] times = [monthEnd, monthEnd.AddMilliseconds(1), monthEnd.AddMilliseconds(1), monthEnd.AddDays(-2),
            monthEnd.AddDays(45), monthEnd.AddDays(45), monthEnd.AddDays(200), monthEnd.AddYears(-1), monthEnd.AddYears(-3)];
        // More months than a store might read at once.
        var monthly = Enumerable.Range(1, 30).Select(months => monthEnd.AddMonths(-months));
        var placed = new List<Order>();
        foreach (var at in times.Concat(monthly)) placed.Add(await checkouts.PlaceAsync(NewOrder(placedAt: at)));

        foreach (var limit in new[] { 1, 2, 4, 100 })
        {
            AssertNewestFirstOnce(await AllPagesAsync((cursor, size) => orders.ListAsync(null, cursor, size, default), limit), placed);
        }
    }

    [Fact]
    public async Task A_status_listing_holds_the_orders_in_that_status_and_follows_their_changes()
    {
        var (orders, checkouts) = await Stores();
        var placed = new List<Order>();
        for (var month = 0; month < 5; month++) placed.Add(await checkouts.PlaceAsync(NewOrder(placedAt: Now.AddMonths(-month))));
        var paid = placed[1];
        paid.MoveTo(OrderStatus.Paid, "admin:test", Now.AddHours(1), null);
        Assert.True(await orders.TryUpdateAsync(paid, OrderStatus.Pending, default));

        var pending = await AllPagesAsync((cursor, size) => orders.ListAsync(OrderStatus.Pending, cursor, size, default), 2);
        var paidListed = await AllPagesAsync((cursor, size) => orders.ListAsync(OrderStatus.Paid, cursor, size, default), 2);

        Assert.All(pending, o => Assert.Equal(OrderStatus.Pending, o.Status));
        Assert.All(paidListed, o => Assert.Equal(OrderStatus.Paid, o.Status));
        AssertNewestFirstOnce(pending, placed.Where(o => o != paid).ToList());
        AssertNewestFirstOnce(paidListed, [paid]);
        Assert.DoesNotContain(pending, o => o.Id == paid.Id);
        var all = await AllPagesAsync((cursor, size) => orders.ListAsync(null, cursor, size, default), 3);
        AssertNewestFirstOnce(all, placed);
    }

    [Fact]
    public async Task A_cursor_from_another_listing_is_refused()
    {
        var (orders, checkouts) = await Stores();
        var user = Guid.NewGuid();
        for (var i = 0; i < 3; i++) await checkouts.PlaceAsync(NewOrder(user, Now.AddMinutes(i)));
        var byUser = (await orders.ListByUserAsync(user, null, 1, default)).NextCursor;
        var all = (await orders.ListAsync(null, null, 1, default)).NextCursor;
        Assert.NotNull(byUser);
        Assert.NotNull(all);

        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListAsync(null, byUser, 1, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListAsync(OrderStatus.Paid, all, 1, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListByUserAsync(user, all, 1, default));
        await Assert.ThrowsAsync<InvalidCursorException>(() => orders.ListAsync(null, "not a cursor", 1, default));
    }

    [Fact]
    public async Task An_update_applies_only_from_the_expected_status_and_reads_back_field_for_field()
    {
        var (orders, checkouts) = await Stores();
        var order = await checkouts.PlaceAsync(NewOrder(dueAt: Now.AddSeconds(30)));
        var stale = await orders.FindAsync(order.Id, default);

        order.MoveTo(OrderStatus.Paid, "system:test", Now.AddMinutes(1), Now.AddMinutes(3));
        Assert.True(await orders.TryUpdateAsync(order, OrderStatus.Pending, default));
        stale!.MoveTo(OrderStatus.Cancelled, "user:test", Now.AddMinutes(2), null);
        Assert.False(await orders.TryUpdateAsync(stale, OrderStatus.Pending, default));
        Assert.False(await orders.TryUpdateAsync(NewOrder(), OrderStatus.Pending, default));

        AssertSame(order, await orders.FindAsync(order.Id, default));
        AssertSame(order, Assert.Single((await orders.ListByUserAsync(order.UserId, null, 10, default)).Items));
    }

    [Fact]
    public async Task Racing_updates_from_one_status_apply_exactly_once_and_the_copies_follow_the_winner()
    {
        var (orders, checkouts) = await Stores();
        for (var round = 0; round < 5; round++)
        {
            var placed = await checkouts.PlaceAsync(NewOrder(dueAt: Now.AddSeconds(30)));
            var (toPaid, toCancelled) = (await orders.FindAsync(placed.Id, default), await orders.FindAsync(placed.Id, default));
            toPaid!.MoveTo(OrderStatus.Paid, "system:test", Now.AddMinutes(1), Now.AddMinutes(5));
            toCancelled!.MoveTo(OrderStatus.Cancelled, "user:test", Now.AddMinutes(1), null);

            var applied = await Task.WhenAll(
                Task.Run(() => orders.TryUpdateAsync(toPaid, OrderStatus.Pending, default)),
                Task.Run(() => orders.TryUpdateAsync(toCancelled, OrderStatus.Pending, default)));

            Assert.Single(applied, true);
            var winner = applied[0] ? toPaid : toCancelled;
            AssertSame(winner, await orders.FindAsync(placed.Id, default));
            AssertSame(winner, Assert.Single((await orders.ListByUserAsync(placed.UserId, null, 10, default)).Items));
            Assert.DoesNotContain(await orders.FindDueAsync(OrderStatus.Pending, DateTimeOffset.MaxValue, Plenty, default), o => o.Id == placed.Id);
            Assert.Equal(winner == toPaid, (await orders.FindDueAsync(OrderStatus.Paid, DateTimeOffset.MaxValue, Plenty, default)).Any(o => o.Id == placed.Id));
            Assert.Equal(winner == toCancelled, (await orders.FindStockReleasePendingAsync(Plenty, default)).Any(o => o.Id == placed.Id));
        }
    }

    [Fact]
    public async Task Due_orders_come_oldest_first_only_when_due_and_leave_when_they_move_on()
    {
        var (orders, checkouts) = await Stores();
        // Long before any other test's due times, so these are the oldest due in the store.
        var start = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var now = start.AddHours(1);
        var due = new List<Order>();
        foreach (var minutes in new[] { 30, 10, 50, 10 }) due.Add(await checkouts.PlaceAsync(NewOrder(placedAt: start, dueAt: start.AddMinutes(minutes))));
        await checkouts.PlaceAsync(NewOrder(placedAt: start, dueAt: now.AddMilliseconds(1)));
        await checkouts.PlaceAsync(NewOrder(placedAt: start));
        var expected = due.OrderBy(o => o.NextStepAt).ToList();

        var found = await orders.FindDueAsync(OrderStatus.Pending, now, Plenty, default);
        Assert.Equal(expected.Select(o => o.NextStepAt), found.Select(o => o.NextStepAt));
        Assert.Equal(expected.Select(o => o.Id).Order(), found.Select(o => o.Id).Order());
        foreach (var order in found) AssertSame(due.Single(o => o.Id == order.Id), order);
        Assert.Equal(found.Take(2).Select(o => o.Id), (await orders.FindDueAsync(OrderStatus.Pending, now, 2, default)).Select(o => o.Id));
        Assert.Equal(start.AddMinutes(10), await orders.OldestDueAsync(OrderStatus.Pending, default));
        Assert.DoesNotContain(await orders.FindDueAsync(OrderStatus.Paid, now, Plenty, default), o => o.CreatedAt == start);

        var moved = found[0];
        moved.MoveTo(OrderStatus.Paid, "system:test", now, start.AddMinutes(55));
        Assert.True(await orders.TryUpdateAsync(moved, OrderStatus.Pending, default));

        var pendingNow = await orders.FindDueAsync(OrderStatus.Pending, now, Plenty, default);
        Assert.Equal(found.Skip(1).Select(o => o.Id), pendingNow.Select(o => o.Id));
        Assert.Equal(found[1].NextStepAt, await orders.OldestDueAsync(OrderStatus.Pending, default));
        AssertSame(moved, Assert.Single(await orders.FindDueAsync(OrderStatus.Paid, now, Plenty, default), o => o.CreatedAt == start));
    }

    [Fact]
    public async Task A_cancelled_order_waits_for_its_stock_release_until_marked()
    {
        var (orders, checkouts) = await Stores();
        var (first, second) = (await checkouts.PlaceAsync(NewOrder()), await checkouts.PlaceAsync(NewOrder()));
        second.MoveTo(OrderStatus.Cancelled, "user:test", Now.AddMinutes(1), null);
        first.MoveTo(OrderStatus.Cancelled, "user:test", Now.AddMinutes(2), null);
        Assert.True(await orders.TryUpdateAsync(first, OrderStatus.Pending, default));
        Assert.True(await orders.TryUpdateAsync(second, OrderStatus.Pending, default));

        var pending = await orders.FindStockReleasePendingAsync(Plenty, default);
        Assert.All(pending.Zip(pending.Skip(1)), pair => Assert.True(pair.First.UpdatedAt <= pair.Second.UpdatedAt));
        Assert.Equal([second.Id, first.Id], pending.Where(o => o.Id == first.Id || o.Id == second.Id).Select(o => o.Id));
        AssertSame(first, pending.Single(o => o.Id == first.Id));

        await orders.MarkStockReleasedAsync(first.Id, default);
        await orders.MarkStockReleasedAsync(first.Id, default);
        first.StockReleased();

        Assert.DoesNotContain(await orders.FindStockReleasePendingAsync(Plenty, default), o => o.Id == first.Id);
        Assert.Contains(await orders.FindStockReleasePendingAsync(Plenty, default), o => o.Id == second.Id);
        AssertSame(first, await orders.FindAsync(first.Id, default));
        AssertSame(first, Assert.Single((await orders.ListByUserAsync(first.UserId, null, 10, default)).Items));
        AssertSame(first, Assert.Single(await AllPagesAsync((cursor, size) => orders.ListAsync(OrderStatus.Cancelled, cursor, size, default), 50), o => o.Id == first.Id));
    }
}
