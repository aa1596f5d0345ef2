using ProductStore.Cart.Tests.Fakes;
using ProductStore.TestSupport.ApiContract;

namespace ProductStore.Cart.Tests;

/// <summary>The cart's OpenAPI document against the cart itself, priced by the fake Catalog (issue 16).</summary>
public class ApiContractTests(CartFixture fixture) : ServiceContractTests, IClassFixture<CartFixture>
{
    protected override string Service => "cart";

    protected override Task<Func<string?, HttpClient>> ClientsAsync() => TestTokenClients(fixture.Factory);
}
