using ProductStore.Cart.Domain;
using ProductStore.Cart.Storage;
using ProductStore.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests.Contracts;

public sealed class SqliteCartStores() : StoreFixture(StorageOptions.SqliteProvider, "cart", CartStorage.Stores);

public sealed class CassandraCartStores() : StoreFixture(StorageOptions.CassandraProvider, "cart", CartStorage.Stores);

public sealed class SqliteCartStoreTests(SqliteCartStores stores) : CartStoreContract(stores), IClassFixture<SqliteCartStores>;

public sealed class CassandraCartStoreTests(CassandraCartStores stores) : CartStoreContract(stores), IClassFixture<CassandraCartStores>;

/// <summary>What every ICartStore must do, whichever database holds the carts.</summary>
public abstract class CartStoreContract(StoreFixture stores)
{
    private static readonly DateTimeOffset AddedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    private Task<ICartStore> Store() => stores.GetAsync<ICartStore>();

    private static CartLine Line(Guid? productId = null, int quantity = 1, decimal price = 3.25m, string name = "Mug") =>
        new(productId ?? Guid.NewGuid(), name, quantity, price, "EUR", AddedAt);

    [Fact]
    public async Task A_new_user_has_no_lines()
    {
        var store = await Store();
        Assert.Empty(await store.GetAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task An_added_line_reads_back_field_for_field()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var line = Line(quantity: 3, price: 1234.56m, name: "Tea pot — blue");

        await store.UpsertAsync(user, line, default);

        Assert.Equal(line, Assert.Single(await store.GetAsync(user, default)));
    }

    [Fact]
    public async Task Adding_a_line_again_changes_name_and_quantity_but_keeps_price_currency_and_time()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var first = Line(quantity: 1, price: 5m);

        await store.UpsertAsync(user, first, default);
        await store.UpsertAsync(user, first with { Name = "Mug (new name)", Quantity = 7, PriceWhenAdded = 9m, Currency = "USD", AddedAt = AddedAt.AddDays(1) }, default);

        Assert.Equal(first with { Name = "Mug (new name)", Quantity = 7 }, Assert.Single(await store.GetAsync(user, default)));
    }

    [Fact]
    public async Task Carts_are_per_user()
    {
        var store = await Store();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var product = Guid.NewGuid();

        await store.UpsertAsync(alice, Line(product, quantity: 2), default);
        await store.UpsertAsync(bob, Line(product, quantity: 5), default);
        await store.ClearAsync(bob, default);

        Assert.Equal(2, Assert.Single(await store.GetAsync(alice, default)).Quantity);
        Assert.Empty(await store.GetAsync(bob, default));
    }

    [Fact]
    public async Task Lines_come_back_in_the_same_order_on_every_read()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var products = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        foreach (var product in products) await store.UpsertAsync(user, Line(product), default);

        var first = (await store.GetAsync(user, default)).Select(l => l.ProductId).ToList();
        var second = (await store.GetAsync(user, default)).Select(l => l.ProductId).ToList();

        Assert.Equal(products.Order(), first.Order());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Removing_says_whether_the_line_was_there()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var (kept, removed) = (Line(), Line());
        await store.UpsertAsync(user, kept, default);
        await store.UpsertAsync(user, removed, default);

        Assert.True(await store.RemoveAsync(user, removed.ProductId, default));
        Assert.False(await store.RemoveAsync(user, removed.ProductId, default));
        Assert.False(await store.RemoveAsync(Guid.NewGuid(), kept.ProductId, default));
        Assert.Equal(kept.ProductId, Assert.Single(await store.GetAsync(user, default)).ProductId);
    }

    [Fact]
    public async Task A_checkout_removes_only_the_lines_still_at_the_quantity_it_ordered()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var (ordered, changedSince, notOrdered) = (Line(quantity: 2), Line(quantity: 3), Line(quantity: 1));
        foreach (var line in new[] { ordered, changedSince, notOrdered }) await store.UpsertAsync(user, line, default);

        await store.RemoveOrderedAsync(user, [(ordered.ProductId, 2), (changedSince.ProductId, 1), (Guid.NewGuid(), 1)], default);

        var left = await store.GetAsync(user, default);
        Assert.Equal(new[] { changedSince.ProductId, notOrdered.ProductId }.Order(), left.Select(l => l.ProductId).Order());
    }

    [Fact]
    public async Task Racing_first_adds_of_one_product_leave_one_line_at_one_of_the_prices()
    {
        var store = await Store();
        var user = Guid.NewGuid();
        var product = Guid.NewGuid();
        var prices = Enumerable.Range(1, 8).Select(i => (decimal)i).ToList();

        await Task.WhenAll(prices.Select(price => Task.Run(() => store.UpsertAsync(user, Line(product, quantity: (int)price, price: price), default))));

        var line = Assert.Single(await store.GetAsync(user, default));
        Assert.Contains(line.PriceWhenAdded, prices);
    }
}
