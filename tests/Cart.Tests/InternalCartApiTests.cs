using System.Net;
using System.Net.Http.Json;
using ProductStore.Cart.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests;

public class InternalCartApiTests(CartFixture fixture) : IClassFixture<CartFixture>
{
    private static Task<HttpResponseMessage> RemoveOrderedAsync(HttpClient client, Guid userId, params (Guid ProductId, int Quantity)[] items) =>
        client.PostAsJsonAsync($"/internal/carts/{userId}/remove-ordered",
            new { items = items.Select(i => new { productId = i.ProductId, quantity = i.Quantity }) });

    [Fact]
    public async Task A_service_reads_a_users_cart_with_the_prices_when_added()
    {
        var (userId, shopper) = fixture.Factory.CreateShopper();
        var product = fixture.Catalog.Add(price: 8.40m, currency: "USD");
        await shopper.SetItemAsync(product.Id, 3);
        fixture.Catalog.ChangePrice(product.Id, 9.99m);

        var snapshot = await (await fixture.Factory.CreateServiceClient().GetAsync($"/internal/carts/{userId}")).ShouldBe<CartSnapshotDto>(HttpStatusCode.OK);

        Assert.Equal(userId, snapshot.UserId);
        Assert.Equal(new CartSnapshotItemDto(product.Id, product.Name, 3, 8.40m, "USD"), Assert.Single(snapshot.Items));
    }

    [Fact]
    public async Task A_user_without_a_cart_has_an_empty_one()
    {
        var userId = Guid.NewGuid();

        var snapshot = await (await fixture.Factory.CreateServiceClient().GetAsync($"/internal/carts/{userId}")).ShouldBe<CartSnapshotDto>(HttpStatusCode.OK);

        Assert.Equal(userId, snapshot.UserId);
        Assert.Empty(snapshot.Items);
    }

    [Fact]
    public async Task Remove_ordered_takes_out_only_lines_whose_quantity_matches_the_order()
    {
        var (userId, shopper) = fixture.Factory.CreateShopper();
        var ordered = fixture.Catalog.Add();
        var changedSince = fixture.Catalog.Add();
        var notOrdered = fixture.Catalog.Add();
        await shopper.SetItemAsync(ordered.Id, 2);
        await shopper.SetItemAsync(changedSince.Id, 3);
        await shopper.SetItemAsync(notOrdered.Id, 1);

        var response = await RemoveOrderedAsync(fixture.Factory.CreateServiceClient(), userId, (ordered.Id, 2), (changedSince.Id, 1));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var left = (await shopper.GetCartAsync()).Items.Select(i => (i.ProductId, i.Quantity));
        Assert.Equal([(changedSince.Id, 3), (notOrdered.Id, 1)], left);
    }

    [Fact]
    public async Task Remove_ordered_is_idempotent_and_touches_only_that_user()
    {
        var (userId, shopper) = fixture.Factory.CreateShopper();
        var (_, other) = fixture.Factory.CreateShopper();
        var product = fixture.Catalog.Add();
        await shopper.SetItemAsync(product.Id, 1);
        await other.SetItemAsync(product.Id, 1);
        var service = fixture.Factory.CreateServiceClient();

        Assert.Equal(HttpStatusCode.NoContent, (await RemoveOrderedAsync(service, userId, (product.Id, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RemoveOrderedAsync(service, userId, (product.Id, 1))).StatusCode);

        Assert.Empty((await shopper.GetCartAsync()).Items);
        Assert.Single((await other.GetCartAsync()).Items);
    }

    [Fact]
    public async Task Remove_ordered_without_items_is_a_validation_problem()
    {
        var response = await fixture.Factory.CreateServiceClient().PostAsJsonAsync($"/internal/carts/{Guid.NewGuid()}/remove-ordered", new { });

        await response.ShouldBeValidationProblem("items");
    }

    [Fact]
    public async Task A_customer_token_is_forbidden_and_no_token_is_unauthorized()
    {
        var (userId, shopper) = fixture.Factory.CreateShopper();
        var product = fixture.Catalog.Add();
        await shopper.SetItemAsync(product.Id, 1);
        var admin = fixture.Factory.CreateAdminClient();

        foreach (var (client, status) in new[] { (shopper, HttpStatusCode.Forbidden), (admin, HttpStatusCode.Forbidden), (fixture.Factory.CreateClient(), HttpStatusCode.Unauthorized) })
        {
            await (await client.GetAsync($"/internal/carts/{userId}")).ShouldBeProblem(status);
            await (await RemoveOrderedAsync(client, userId, (product.Id, 1))).ShouldBeProblem(status);
        }
        Assert.Single((await shopper.GetCartAsync()).Items);
    }
}
