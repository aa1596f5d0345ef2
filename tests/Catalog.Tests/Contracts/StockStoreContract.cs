using ProductStore.Catalog.Domain;
using ProductStore.Catalog.Storage;
using ProductStore.TestSupport;
using static ProductStore.Catalog.Tests.Contracts.CatalogTestData;

namespace ProductStore.Catalog.Tests.Contracts;

/// <summary>What every IStockStore must do: all items or none, each order's stock taken once and returned once.</summary>
public abstract class StockStoreContract(StoreFixture stores)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_500_456);

    private async Task<(ICatalogStore Catalog, IStockStore Stock, string Slug)> Stores()
    {
        var catalog = await stores.GetAsync<ICatalogStore>();
        return (catalog, await stores.GetAsync<IStockStore>(), await catalog.NewCategoryAsync());
    }

    private static async Task<int> StockOf(ICatalogStore catalog, Guid id) => (await catalog.FindAsync(id, default))!.Stock;

    [Fact]
    public async Task A_reservation_takes_the_stock_and_keeps_each_item_at_its_price()
    {
        var (catalog, stock, slug) = await Stores();
        var (mug, pot) = (await catalog.AddAsync(NewProduct(slug, price: 3.25m, stock: 5)), await catalog.AddAsync(NewProduct(slug, price: 1234.56m, stock: 2)));
        var order = Guid.NewGuid();

        var outcome = await stock.ReserveAsync(order, [new(mug.Id, 2), new(pot.Id, 2)], Now, default);

        var reserved = Assert.IsType<ReservationOutcome.Reserved>(outcome);
        Assert.False(reserved.Replayed);
        Assert.Equal(order, reserved.Reservation.OrderId);
        Assert.Equal(Now, reserved.Reservation.CreatedAt);
        Assert.False(reserved.Reservation.Released);
        Assert.Equal(new[] { new ReservedItem(mug.Id, mug.Sku, mug.Name, 2, 3.25m, "EUR"), new ReservedItem(pot.Id, pot.Sku, pot.Name, 2, 1234.56m, "EUR") },
            reserved.Reservation.Items);
        Assert.Equal((3, 0), (await StockOf(catalog, mug.Id), await StockOf(catalog, pot.Id)));
    }

    [Fact]
    public async Task A_retried_reservation_returns_the_first_one_and_takes_nothing_more()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 10));
        var order = Guid.NewGuid();
        var first = Assert.IsType<ReservationOutcome.Reserved>(await stock.ReserveAsync(order, [new(product.Id, 3)], Now, default));

        var retry = Assert.IsType<ReservationOutcome.Reserved>(await stock.ReserveAsync(order, [new(product.Id, 3)], Now.AddMinutes(1), default));
        var other = await stock.ReserveAsync(order, [new(product.Id, 4)], Now, default);

        Assert.True(retry.Replayed);
        Assert.Equal(first.Reservation.Items, retry.Reservation.Items);
        Assert.Equal(first.Reservation.CreatedAt, retry.Reservation.CreatedAt);
        Assert.IsType<ReservationOutcome.Mismatch>(other);
        Assert.Equal(7, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task Racing_retries_of_one_order_take_its_stock_once()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 10));
        var order = Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => stock.ReserveAsync(order, [new(product.Id, 2)], Now, default))));

        Assert.All(outcomes, outcome => Assert.IsType<ReservationOutcome.Reserved>(outcome));
        Assert.Single(outcomes, outcome => outcome is ReservationOutcome.Reserved { Replayed: false });
        Assert.Equal(8, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task Twenty_orders_racing_for_five_units_get_exactly_five()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 5));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => stock.ReserveAsync(Guid.NewGuid(), [new(product.Id, 1)], Now, default))));

        Assert.Equal(5, outcomes.Count(o => o is ReservationOutcome.Reserved));
        Assert.Equal(15, outcomes.Count(o => o is ReservationOutcome.Refused));
        Assert.Equal(0, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task When_one_item_lacks_stock_nothing_is_reserved()
    {
        var (catalog, stock, slug) = await Stores();
        var (plenty, scarce) = (await catalog.AddAsync(NewProduct(slug, stock: 10)), await catalog.AddAsync(NewProduct(slug, stock: 1)));
        var unknown = Guid.NewGuid();
        var order = Guid.NewGuid();

        var refused = Assert.IsType<ReservationOutcome.Refused>(
            await stock.ReserveAsync(order, [new(plenty.Id, 4), new(scarce.Id, 2), new(unknown, 1)], Now, default));

        Assert.Equal(new[] { new ShortItem(scarce.Id, 2, 1), new ShortItem(unknown, 1, 0) }.OrderBy(s => s.ProductId), refused.ShortItems.OrderBy(s => s.ProductId));
        Assert.Equal((10, 1), (await StockOf(catalog, plenty.Id), await StockOf(catalog, scarce.Id)));
        // Refused is not remembered: the same order id may try again once there is stock.
        Assert.IsType<ReservationOutcome.Reserved>(await stock.ReserveAsync(order, [new(plenty.Id, 4), new(scarce.Id, 1)], Now, default));
    }

    [Fact]
    public async Task Racing_multi_item_orders_never_leave_one_half_reserved()
    {
        var (catalog, stock, slug) = await Stores();
        var (a, b) = (await catalog.AddAsync(NewProduct(slug, stock: 3)), await catalog.AddAsync(NewProduct(slug, stock: 3)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => stock.ReserveAsync(Guid.NewGuid(), i % 2 == 0 ? [new(a.Id, 1), new(b.Id, 1)] : [new(b.Id, 1), new(a.Id, 1)], Now, default))));

        // Orders holding one item each may both give up (no store need serve all it could), but none holds half.
        var reserved = outcomes.Count(o => o is ReservationOutcome.Reserved);
        Assert.InRange(reserved, 1, 3);
        Assert.Equal((3 - reserved, 3 - reserved), (await StockOf(catalog, a.Id), await StockOf(catalog, b.Id)));
    }

    [Fact]
    public async Task A_release_returns_the_stock_once_however_often_it_comes()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 4));
        var order = Guid.NewGuid();
        await stock.ReserveAsync(order, [new(product.Id, 3)], Now, default);

        await stock.ReleaseAsync(order, Now, default);
        await stock.ReleaseAsync(order, Now, default);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => stock.ReleaseAsync(order, Now, default))));

        Assert.Equal(4, await StockOf(catalog, product.Id));
        // The released order stays released: a late retry of it holds no stock.
        var retry = Assert.IsType<ReservationOutcome.Reserved>(await stock.ReserveAsync(order, [new(product.Id, 3)], Now, default));
        Assert.True(retry.Reservation.Released);
        Assert.Equal(4, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task A_release_racing_its_reservation_leaves_no_stock_held()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 50));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            var order = Guid.NewGuid();
            await Task.WhenAll(Task.Run(() => stock.ReserveAsync(order, [new(product.Id, 2)], Now, default)), Task.Run(() => stock.ReleaseAsync(order, Now, default)));
        }));

        Assert.Equal(50, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task A_release_before_the_reservation_makes_the_late_reservation_a_mismatch()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 4));
        var order = Guid.NewGuid();

        await stock.ReleaseAsync(order, Now, default);

        Assert.IsType<ReservationOutcome.Mismatch>(await stock.ReserveAsync(order, [new(product.Id, 1)], Now, default));
        Assert.Equal(4, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task A_product_sold_out_by_reservations_leaves_the_in_stock_listing()
    {
        var (catalog, stock, slug) = await Stores();
        var (soldOut, left) = (await catalog.AddAsync(NewProduct(slug, stock: 2)), await catalog.AddAsync(NewProduct(slug, stock: 2)));

        await stock.ReserveAsync(Guid.NewGuid(), [new(soldOut.Id, 2), new(left.Id, 1)], Now, default);

        var page = await catalog.ListByCategoryAsync(slug, Listing(ProductSort.Newest, 10, inStock: true), default);
        Assert.Equal([left with { Stock = 1 }], page.Items);
    }
    [Fact]
    public async Task An_adjustment_adds_or_takes_within_zero_and_the_maximum()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 5));

        Assert.Equal(new StockAdjustmentOutcome.Adjusted(12), await stock.AdjustAsync(product.Id, 7, default));
        Assert.Equal(new StockAdjustmentOutcome.Adjusted(2), await stock.AdjustAsync(product.Id, -10, default));
        Assert.Equal(new StockAdjustmentOutcome.OutOfRange(2), await stock.AdjustAsync(product.Id, -3, default));
        Assert.Equal(new StockAdjustmentOutcome.OutOfRange(2), await stock.AdjustAsync(product.Id, ProductRules.MaxStock, default));
        Assert.IsType<StockAdjustmentOutcome.NotFound>(await stock.AdjustAsync(Guid.NewGuid(), 1, default));
        Assert.Equal(2, await StockOf(catalog, product.Id));
    }

    [Fact]
    public async Task Sales_adjustments_and_edits_racing_on_one_product_leave_exactly_initial_minus_sold_plus_adjusted()
    {
        var (catalog, stock, slug) = await Stores();
        var product = await catalog.AddAsync(NewProduct(slug, stock: 100));
        var edited = 0;

        var sales = Enumerable.Range(0, 20).Select(_ => Task.Run(() => stock.ReserveAsync(Guid.NewGuid(), [new(product.Id, 2)], Now, default)));
        var adjustments = Enumerable.Range(0, 10).Select(i => Task.Run(() => stock.AdjustAsync(product.Id, i % 2 == 0 ? 5 : -3, default)));
        var edits = Enumerable.Range(1, 10).Select(i => Task.Run(async () =>
        {
            // As an admin does: read, change the price, save against what was read; again when someone else saved first.
            while (true)
            {
                var read = (await catalog.FindAsync(product.Id, default))!;
                var edit = read with { Price = read.Price + 1, UpdatedAt = read.UpdatedAt.AddMilliseconds(i) };
                if (await catalog.UpdateAsync(edit, ProductVersion.Of(read), default) is SaveProductOutcome.Saved)
                {
                    Interlocked.Increment(ref edited);
                    return;
                }
            }
        }));
        var sold = (await Task.WhenAll(sales)).Count(o => o is ReservationOutcome.Reserved) * 2;
        Assert.All(await Task.WhenAll(adjustments), o => Assert.IsType<StockAdjustmentOutcome.Adjusted>(o));
        await Task.WhenAll(edits);

        Assert.Equal(100 - sold + 5 * 5 - 3 * 5, await StockOf(catalog, product.Id));
        Assert.Equal(10, edited);
        Assert.Equal(product.Price + 10, (await catalog.FindAsync(product.Id, default))!.Price);
    }
}
