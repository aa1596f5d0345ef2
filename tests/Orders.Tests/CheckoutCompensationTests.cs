using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Orders.Checkout;
using ProductStore.Orders.Domain;
using ProductStore.Orders.Storage;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

/// <summary>The saga's undo paths: every failure after a reservation ends with the stock back in Catalog.</summary>
public class CheckoutCompensationTests : IAsyncLifetime
{
    private FakeCart _cart = null!;
    private FakeCatalog _catalog = null!;

    public async ValueTask InitializeAsync()
    {
        _cart = await FakeCart.StartAsync();
        _catalog = await FakeCatalog.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _cart.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    private OrdersFactory Orders(Func<ICheckoutStore, ICheckoutStore>? wrapStore = null, string lease = "00:00:30") => new(_cart, _catalog,
        settings: new() { ["Orders:Checkout:ClaimLease"] = lease },
        configureServices: services =>
        {
            if (wrapStore is null) return;
            services.AddSingleton<SqliteCheckoutStore>();
            services.AddSingleton(provider => wrapStore(provider.GetRequiredService<SqliteCheckoutStore>()));
        });

    [Fact]
    public async Task When_the_order_cannot_be_stored_the_reservation_is_released_and_the_key_can_be_retried()
    {
        var failing = new FailingCheckoutStore();
        await using var orders = Orders(store => failing.Wrap(store));
        var user = Guid.NewGuid();
        var client = orders.CreateCustomerClient(user);
        var product = _catalog.Add(stock: 3);
        _cart.Put(user, product, 2);
        var key = Guid.NewGuid().ToString();

        var failed = await client.CheckOutAsync(key);

        await failed.ShouldBeProblem(HttpStatusCode.InternalServerError);
        Assert.Equal(3, _catalog.StockOf(product.Id));
        Assert.Equal(0, _catalog.ActiveReservations);
        Assert.Equal(2, _cart.Lines(user).Single().Quantity);

        failing.Fail = false;
        await (await client.CheckOutAsync(key)).ShouldBe<OrderDto>(HttpStatusCode.Created);
        Assert.Equal(1, _catalog.StockOf(product.Id));
    }

    [Fact]
    public async Task When_catalog_is_down_the_checkout_is_a_503_and_nothing_stays_reserved()
    {
        await using var orders = Orders();
        var user = Guid.NewGuid();
        var client = orders.CreateCustomerClient(user);
        var product = _catalog.Add(stock: 3);
        _cart.Put(user, product, 1);
        var key = Guid.NewGuid().ToString();

        _catalog.Down = true;
        var failed = await client.CheckOutAsync(key);
        _catalog.Down = false;

        await failed.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(3, _catalog.StockOf(product.Id));
        await (await client.CheckOutAsync(key)).ShouldBe<OrderDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task When_catalog_also_fails_during_the_undo_recovery_releases_the_stock_later()
    {
        var failing = new FailingCheckoutStore { OnFail = () => _catalog.Down = true };
        await using var orders = Orders(store => failing.Wrap(store), lease: "00:00:00");
        var user = Guid.NewGuid();
        var product = _catalog.Add(stock: 3);
        _cart.Put(user, product, 2);

        await (await orders.CreateCustomerClient(user).CheckOutAsync(Guid.NewGuid().ToString())).ShouldBeProblem(HttpStatusCode.InternalServerError);
        Assert.Equal(1, _catalog.StockOf(product.Id));

        _catalog.Down = false;
        await orders.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(3, _catalog.StockOf(product.Id));
        Assert.Equal(0, _catalog.ActiveReservations);
    }

    [Fact]
    public async Task A_checkout_interrupted_by_a_crash_is_recovered_either_way()
    {
        await using var orders = Orders(lease: "00:00:01");
        var store = orders.Services.GetRequiredService<ICheckoutStore>();
        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-5);

        // Crashed after reserving, before storing the order: the stock comes back.
        var lost = _catalog.Add(stock: 4);
        var lostClaim = new CheckoutClaim(Guid.NewGuid(), "k1", Guid.NewGuid(), "f", false, longAgo);
        await store.ClaimAsync(lostClaim, CancellationToken.None);
        _catalog.ReserveDirectly(lostClaim.OrderId, lost.Id, 3);

        // Crashed after storing the order, before answering: the order keeps its stock and the key finds it.
        var kept = _catalog.Add(stock: 4);
        var keptClaim = new CheckoutClaim(Guid.NewGuid(), "k2", Guid.NewGuid(), "f", false, longAgo);
        await store.ClaimAsync(keptClaim, CancellationToken.None);
        _catalog.ReserveDirectly(keptClaim.OrderId, kept.Id, 3);
        var order = Order.Place(keptClaim.OrderId, keptClaim.UserId, [new OrderLine(kept.Id, kept.Sku, kept.Name, 3, kept.Price, "USD")], longAgo, null);
        await InsertOrderOnly(orders, order);

        await orders.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(4, _catalog.StockOf(lost.Id));
        Assert.Null(await store.FindAsync(lostClaim.UserId, lostClaim.Key, CancellationToken.None));
        Assert.Equal(1, _catalog.StockOf(kept.Id));
        Assert.True((await store.FindAsync(keptClaim.UserId, keptClaim.Key, CancellationToken.None))!.Completed);
    }

    /// <summary>Writes the order row the way a checkout that died right after its commit would have left it.</summary>
    private static async Task InsertOrderOnly(OrdersFactory orders, Order order)
    {
        var database = orders.Services.GetRequiredService<ProductStore.Storage.SqliteDatabase>();
        await database.WriteAsync("test.insert_order", session => SqliteOrderRows.Insert(session, order), CancellationToken.None);
    }

    private sealed class FailingCheckoutStore
    {
        public volatile bool Fail = true;
        public Action? OnFail;

        public ICheckoutStore Wrap(ICheckoutStore inner) => new Wrapper(inner, this);

        private sealed class Wrapper(ICheckoutStore inner, FailingCheckoutStore owner) : ICheckoutStore
        {
            public Task<(CheckoutClaim Claim, bool Inserted)> ClaimAsync(CheckoutClaim candidate, CancellationToken ct) => inner.ClaimAsync(candidate, ct);
            public Task<CheckoutClaim?> FindAsync(Guid userId, string key, CancellationToken ct) => inner.FindAsync(userId, key, ct);
            public Task<bool> TryTakeOverAsync(CheckoutClaim claim, DateTimeOffset seen, DateTimeOffset now, CancellationToken ct) => inner.TryTakeOverAsync(claim, seen, now, ct);
            public Task AbandonAsync(CheckoutClaim claim, CancellationToken ct) => inner.AbandonAsync(claim, ct);
            public Task DeleteAsync(Guid userId, string key, CancellationToken ct) => inner.DeleteAsync(userId, key, ct);
            public Task<IReadOnlyList<CheckoutClaim>> FindStaleAsync(DateTimeOffset before, int limit, CancellationToken ct) => inner.FindStaleAsync(before, limit, ct);

            public Task CompleteAsync(CheckoutClaim claim, Order order, CancellationToken ct)
            {
                if (!owner.Fail) return inner.CompleteAsync(claim, order, ct);
                owner.OnFail?.Invoke();
                throw new IOException("disk full (simulated)");
            }
        }
    }
}
