using System.Diagnostics;
using System.Net;
using ProductStore.Cart.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests;

/// <summary>Each test has its own app: a failing Catalog opens the client's circuit breaker, which must not leak into other tests.</summary>
public class CatalogOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private FakeCatalog _catalog = null!;
    private CartFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _catalog = await FakeCatalog.StartAsync();
        _factory = new CartFactory(_catalog, settings: new()
        {
            ["ServiceClients:Timeout"] = Timeout.ToString(),
            ["ServiceClients:AttemptTimeout"] = "00:00:00.300",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    /// <summary>A shopper with two lines in the cart, put there while Catalog was up (removing the last line needs no prices).</summary>
    private async Task<(Guid UserId, HttpClient Client, FakeProduct Product)> ShopperWithTwoLines()
    {
        var (userId, client) = _factory.CreateShopper();
        var product = _catalog.Add();
        await client.SetItemAsync(product.Id, 2);
        await client.SetItemAsync(_catalog.Add().Id, 1);
        return (userId, client, product);
    }

    private static async Task ShouldBeUnavailableWithin(Func<Task<HttpResponseMessage>> call, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var response = await call();
        clock.Stop();

        var problem = await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        Assert.True(problem.TryGetProperty("title", out _));
        Assert.True(response.Headers.RetryAfter is not null, "A 503 says when to retry.");
        Assert.True(clock.Elapsed < limit, $"Answered after {clock.Elapsed}, more than {limit}.");
    }

    [Fact]
    public async Task A_hanging_catalog_gives_503_within_the_configured_timeout()
    {
        var (_, client, product) = await ShopperWithTwoLines();
        _catalog.Hangs = true;

        var limit = Timeout + TimeSpan.FromSeconds(1);
        await ShouldBeUnavailableWithin(() => client.GetAsync("/api/cart"), limit);
        await ShouldBeUnavailableWithin(() => client.PutItemAsync(product.Id, 3), limit);
        await ShouldBeUnavailableWithin(() => client.DeleteAsync($"/api/cart/items/{product.Id}"), limit);

        _catalog.Hangs = false;
        var cart = await client.GetCartAsync();
        Assert.Equal([2, 1], cart.Items.Select(i => i.Quantity));
    }

    [Fact]
    public async Task A_stopped_catalog_gives_503_and_the_cart_is_unchanged()
    {
        var (userId, client, product) = await ShopperWithTwoLines();
        await _catalog.StopAsync();

        var limit = Timeout + TimeSpan.FromSeconds(1);
        await ShouldBeUnavailableWithin(() => client.GetAsync("/api/cart"), limit);
        await ShouldBeUnavailableWithin(() => client.PutItemAsync(_catalog.Add().Id, 1), limit);
        await ShouldBeUnavailableWithin(() => client.DeleteAsync($"/api/cart/items/{product.Id}"), limit);

        // Internal reads and clearing need no Catalog.
        var snapshot = await (await _factory.CreateServiceClient().GetAsync($"/internal/carts/{userId}"))
            .ShouldBe<CartSnapshotDto>(HttpStatusCode.OK);
        Assert.Equal(2, snapshot.Items.Count);
        Assert.Equal(2, snapshot.Items.Single(i => i.ProductId == product.Id).Quantity);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/cart")).StatusCode);
    }

    [Fact]
    public async Task A_failing_catalog_gives_503()
    {
        var (_, client, _) = await ShopperWithTwoLines();
        _catalog.Fails = true;

        await ShouldBeUnavailableWithin(() => client.GetAsync("/api/cart"), Timeout + TimeSpan.FromSeconds(1));
    }
}
