using ProductStore.Orders.Tests.Fakes;
using ProductStore.TestSupport.ApiContract;

namespace ProductStore.Orders.Tests;

/// <summary>The orders' OpenAPI document against Orders itself, with its fake Cart and Catalog (issue 16).</summary>
public class ApiContractTests(OrdersFixture fixture) : ServiceContractTests, IClassFixture<OrdersFixture>
{
    protected override string Service => "orders";

    protected override Task<Func<string?, HttpClient>> ClientsAsync() => TestTokenClients(fixture.Factory);
}
