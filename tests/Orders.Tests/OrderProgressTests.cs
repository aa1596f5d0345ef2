using System.Net;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

public class OrderProgressTests : IAsyncLifetime
{
    private FakeCart _cart = null!;
    private FakeCatalog _catalog = null!;
    private readonly string _data = Directory.CreateTempSubdirectory("productstore-orders-progress-").FullName;

    public async ValueTask InitializeAsync()
    {
        _cart = await FakeCart.StartAsync();
        _catalog = await FakeCatalog.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _cart.DisposeAsync();
        await _catalog.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private OrdersFactory Orders(bool worker, string delay = "00:00:00.100", int batchSize = 200) => new(_cart, _catalog, _data, new()
    {
        ["Orders:Progress:Enabled"] = worker.ToString(),
        ["Orders:Progress:BatchSize"] = batchSize.ToString(),
        ["Orders:Progress:PaymentConfirmed"] = delay,
        ["Orders:Progress:Shipped"] = delay,
        ["Orders:Progress:Delivered"] = delay,
        ["Orders:Progress:PollInterval"] = "00:00:00.050",
    });

    private async Task<(OrderDto Order, HttpClient Client)> PlaceOrder(OrdersFactory orders)
    {
        var user = Guid.NewGuid();
        var client = orders.CreateCustomerClient(user);
        _cart.Put(user, _catalog.Add(stock: 5), 1);
        var order = await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created);
        return (order, client);
    }

    private static async Task<OrderDto> WaitForStatus(HttpClient client, Guid orderId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var order = await client.GetOrderAsync(orderId);
            if (order.Status == status || DateTime.UtcNow > deadline) return order;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task An_order_moves_by_itself_to_delivered_and_its_history_says_so()
    {
        await using var orders = Orders(worker: true);
        var (order, client) = await PlaceOrder(orders);

        var delivered = await WaitForStatus(client, order.Id, "Delivered");

        Assert.Equal("Delivered", delivered.Status);
        Assert.Equal(["Pending", "Paid", "Shipped", "Delivered"], delivered.History.Select(h => h.To));
        Assert.All(delivered.History.Skip(1), h => Assert.Equal("system:order-progress", h.By));
        Assert.True(delivered.History.Zip(delivered.History.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public async Task After_a_restart_the_worker_carries_on_with_orders_that_fell_due_while_it_was_down()
    {
        Guid orderId;
        Guid userId;
        await using (var before = Orders(worker: false))
        {
            var (order, _) = await PlaceOrder(before);
            orderId = order.Id;
            userId = order.UserId;
        }
        await Task.Delay(300); // every step is overdue by now

        await using var after = Orders(worker: true);
        var delivered = await WaitForStatus(after.CreateCustomerClient(userId), orderId, "Delivered");

        Assert.Equal(["Pending", "Paid", "Shipped", "Delivered"], delivered.History.Select(h => h.To));
    }

    [Fact]
    public async Task Two_workers_racing_on_the_same_orders_never_move_one_twice()
    {
        await using var first = Orders(worker: false, delay: "00:00:00");
        await using var second = Orders(worker: false, delay: "00:00:00");
        var placed = new List<(OrderDto Order, HttpClient Client)>();
        for (var i = 0; i < 10; i++) placed.Add(await PlaceOrder(first));

        for (var round = 0; round < 4; round++)
        {
            await Task.WhenAll(first.Worker.RunOnceAsync(CancellationToken.None), second.Worker.RunOnceAsync(CancellationToken.None));
        }

        foreach (var (order, client) in placed)
        {
            var final = await client.GetOrderAsync(order.Id);
            Assert.Equal(["Pending", "Paid", "Shipped", "Delivered"], final.History.Select(h => h.To));
        }
    }

    [Fact]
    public async Task One_round_moves_every_due_order_however_many_batches_they_fill()
    {
        await using var orders = Orders(worker: false, delay: "00:00:00", batchSize: 2);
        var placed = new List<(OrderDto Order, HttpClient Client)>();
        for (var i = 0; i < 5; i++) placed.Add(await PlaceOrder(orders));

        var moved = await orders.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(5 * 3, moved);
        foreach (var (order, client) in placed) Assert.Equal("Delivered", (await client.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task Orders_not_yet_due_stay_where_they_are()
    {
        await using var orders = Orders(worker: false, delay: "01:00:00");
        var (order, client) = await PlaceOrder(orders);

        await orders.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal("Pending", (await client.GetOrderAsync(order.Id)).Status);
    }
}
