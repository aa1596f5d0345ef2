using System.Net;
using System.Net.Http.Json;
using System.Text;
using ProductStore.Cart.Domain;
using ProductStore.Cart.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Cart.Tests;

public class CartApiTests(CartFixture fixture) : IClassFixture<CartFixture>
{
    private FakeCatalog Catalog => fixture.Catalog;

    [Fact]
    public async Task A_shopper_adds_updates_removes_and_clears_with_totals_in_decimal()
    {
        var (userId, client) = fixture.Factory.CreateShopper();
        var pen = Catalog.Add(price: 1.10m);
        var book = Catalog.Add(price: 12.35m);

        await client.SetItemAsync(pen.Id, 3);
        var cart = await client.SetItemAsync(book.Id, 2);

        Assert.Equal(userId, cart.UserId);
        Assert.Equal([pen.Id, book.Id], cart.Items.Select(i => i.ProductId));
        var penLine = cart.Items[0];
        Assert.Equal((pen.Name, 3, 1.10m, 3.30m, "EUR"), (penLine.Name, penLine.Quantity, penLine.UnitPrice, penLine.LineTotal, penLine.Currency));
        Assert.Equal((28.00m, "EUR", 5), (cart.Total, cart.Currency, cart.ItemCount));

        cart = await client.SetItemAsync(pen.Id, 1);
        Assert.Equal([1, 2], cart.Items.Select(i => i.Quantity));
        Assert.Equal(25.80m, cart.Total);

        cart = await (await client.DeleteAsync($"/api/cart/items/{pen.Id}")).ShouldBe<CartDto>(HttpStatusCode.OK);
        Assert.Equal(book.Id, Assert.Single(cart.Items).ProductId);
        Assert.Equal(24.70m, cart.Total);
        Assert.Equal(24.70m, (await client.GetCartAsync()).Total);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/cart")).StatusCode);
        var emptied = await client.GetCartAsync();
        Assert.Empty(emptied.Items);
        Assert.Equal((0m, 0), (emptied.Total, emptied.ItemCount));
    }

    [Fact]
    public async Task Removing_a_product_that_is_not_in_the_cart_is_a_404()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var inCart = Catalog.Add();
        await client.SetItemAsync(inCart.Id, 1);

        await (await client.DeleteAsync($"/api/cart/items/{Catalog.Add().Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Single((await client.GetCartAsync()).Items);
    }

    [Fact]
    public async Task Adding_an_unknown_product_is_a_404_and_leaves_the_cart_alone()
    {
        var (_, client) = fixture.Factory.CreateShopper();

        var problem = await (await client.PutItemAsync(Guid.NewGuid(), 1)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Contains("no product", problem.GetProperty("detail").GetString());
        Assert.Empty((await client.GetCartAsync()).Items);
    }

    [Fact]
    public async Task Asking_for_more_than_is_in_stock_is_a_409_saying_how_many_are_available()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var scarce = Catalog.Add(stock: 4);
        await client.SetItemAsync(scarce.Id, 4);

        var problem = await (await client.PutItemAsync(scarce.Id, 5)).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal(4, problem.GetProperty("available").GetInt32());
        Assert.Equal(4, Assert.Single((await client.GetCartAsync()).Items).Quantity);
    }

    [Theory]
    [InlineData("""{"quantity":0}""")]
    [InlineData("""{"quantity":100}""")]
    [InlineData("""{"quantity":-3}""")]
    [InlineData("""{}""")]
    [InlineData("""{"quantity":null}""")]
    public async Task A_quantity_outside_1_to_99_or_missing_is_a_validation_problem(string body)
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var product = Catalog.Add(stock: 500);

        var response = await client.PutAsync($"/api/cart/items/{product.Id}", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeValidationProblem("quantity");
        Assert.Empty(Catalog.LookupsOf(product.Id));
    }

    [Theory]
    [InlineData("""{"quantity":""")]
    [InlineData("""{"quantity":"two"}""")]
    [InlineData("""{"quantity":1.5}""")]
    [InlineData("")]
    public async Task A_malformed_body_is_a_400_problem(string body)
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var product = Catalog.Add();

        var response = await client.PutAsync($"/api/cart/items/{product.Id}", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Empty((await client.GetCartAsync()).Items);
    }

    [Fact]
    public async Task Every_cart_endpoint_needs_a_signed_in_shopper()
    {
        var product = Catalog.Add();
        var anonymous = fixture.Factory.CreateClient();
        var expired = fixture.Factory.CreateClient(fixture.Factory.Tokens.Expired());
        var forged = fixture.Factory.CreateClient(TestTokens.SignedByAnotherKey());

        foreach (var client in new[] { anonymous, expired, forged })
        {
            await (await client.GetAsync("/api/cart")).ShouldBeProblem(HttpStatusCode.Unauthorized);
            await (await client.PutItemAsync(product.Id, 1)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            await (await client.DeleteAsync($"/api/cart/items/{product.Id}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
            await (await client.DeleteAsync("/api/cart")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
        Assert.Empty(Catalog.LookupsOf(product.Id));
    }

    [Fact]
    public async Task A_service_token_is_not_a_shopper_and_has_no_cart()
    {
        var service = fixture.Factory.CreateServiceClient();

        await (await service.GetAsync("/api/cart")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await service.PutItemAsync(Catalog.Add().Id, 1)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_has_a_cart_of_their_own()
    {
        var adminId = Guid.NewGuid();
        var admin = fixture.Factory.CreateClient(fixture.Factory.Tokens.Admin(adminId));

        var cart = await admin.SetItemAsync(Catalog.Add().Id, 1);

        Assert.Equal(adminId, cart.UserId);
    }

    [Fact]
    public async Task A_shopper_only_ever_sees_and_changes_their_own_cart()
    {
        var (alice, aliceClient) = fixture.Factory.CreateShopper();
        var (bob, bobClient) = fixture.Factory.CreateShopper();
        var alicesProduct = Catalog.Add();
        var bobsProduct = Catalog.Add();
        await aliceClient.SetItemAsync(alicesProduct.Id, 2);
        await bobClient.SetItemAsync(bobsProduct.Id, 1);

        var bobsCart = await bobClient.GetCartAsync();
        Assert.Equal(bob, bobsCart.UserId);
        Assert.Equal(bobsProduct.Id, Assert.Single(bobsCart.Items).ProductId);
        await (await bobClient.DeleteAsync($"/api/cart/items/{alicesProduct.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await bobClient.DeleteAsync("/api/cart");

        var alicesCart = await aliceClient.GetCartAsync();
        Assert.Equal(alice, alicesCart.UserId);
        var line = Assert.Single(alicesCart.Items);
        Assert.Equal((alicesProduct.Id, 2), (line.ProductId, line.Quantity));
    }

    [Fact]
    public async Task The_cart_keeps_the_price_when_added_and_flags_a_changed_price()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var dearer = Catalog.Add(price: 10.00m);
        var steady = Catalog.Add(price: 4.00m);
        await client.SetItemAsync(dearer.Id, 2);
        await client.SetItemAsync(steady.Id, 1);

        Catalog.ChangePrice(dearer.Id, 12.50m);
        var cart = await client.GetCartAsync();

        var changed = cart.Items.Single(i => i.ProductId == dearer.Id);
        Assert.Equal((10.00m, 12.50m, 12.50m, true, 25.00m),
            (changed.PriceWhenAdded, changed.CurrentPrice, changed.UnitPrice, changed.PriceChanged, changed.LineTotal));
        Assert.False(cart.Items.Single(i => i.ProductId == steady.Id).PriceChanged);
        Assert.Equal(29.00m, cart.Total);

        // Raising the quantity keeps the price seen when the product was first added.
        cart = await client.SetItemAsync(dearer.Id, 3);
        Assert.Equal(10.00m, cart.Items.Single(i => i.ProductId == dearer.Id).PriceWhenAdded);
    }

    [Fact]
    public async Task A_product_gone_from_the_catalog_stays_at_the_price_it_was_added_at()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var discontinued = Catalog.Add(price: 7.00m);
        await client.SetItemAsync(discontinued.Id, 2);

        Catalog.Delete(discontinued.Id);
        var line = Assert.Single((await client.GetCartAsync()).Items);

        Assert.Equal((7.00m, false, 14.00m), (line.CurrentPrice, line.PriceChanged, line.LineTotal));
    }

    [Fact]
    public async Task Each_request_looks_up_all_of_the_carts_products_in_one_catalog_call()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var products = Enumerable.Range(0, 3).Select(_ => Catalog.Add()).ToArray();
        var ids = products.Select(p => p.Id).ToHashSet();
        foreach (var product in products) await client.SetItemAsync(product.Id, 1);
        var before = Catalog.LookupsOf(products[0].Id).Count;

        await client.GetCartAsync();
        var afterGet = Catalog.LookupsOf(products[0].Id);
        await client.SetItemAsync(products[1].Id, 5);
        var afterPut = Catalog.LookupsOf(products[0].Id);
        await (await client.DeleteAsync($"/api/cart/items/{products[2].Id}")).ShouldBe<CartDto>(HttpStatusCode.OK);
        var afterDelete = Catalog.LookupsOf(products[0].Id);

        Assert.Equal(before + 1, afterGet.Count);
        Assert.Equal(ids, afterGet[^1].ToHashSet());
        Assert.Equal(before + 2, afterPut.Count);
        Assert.Equal(ids, afterPut[^1].ToHashSet());
        Assert.Equal(before + 3, afterDelete.Count);
        Assert.Equal(ids.Except([products[2].Id]).ToHashSet(), afterDelete[^1].ToHashSet());
    }

    [Fact]
    public async Task An_empty_cart_is_answered_without_asking_the_catalog()
    {
        var (userId, client) = fixture.Factory.CreateShopper();
        var lookups = Catalog.LookupCount;

        var cart = await client.GetCartAsync();

        Assert.Equal((userId, 0, "EUR"), (cart.UserId, cart.Items.Count, cart.Currency));
        Assert.Equal(lookups, Catalog.LookupCount);
    }

    [Fact]
    public async Task A_product_in_another_currency_than_the_cart_is_a_409()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var euros = Catalog.Add(currency: "EUR");
        var dollars = Catalog.Add(currency: "USD");
        await client.SetItemAsync(euros.Id, 1);

        var problem = await (await client.PutItemAsync(dollars.Id, 1)).ShouldBeProblem(HttpStatusCode.Conflict);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("EUR", detail);
        Assert.Contains("USD", detail);
        Assert.Equal(euros.Id, Assert.Single((await client.GetCartAsync()).Items).ProductId);
        // Once the cart is empty, it takes any currency.
        await client.DeleteAsync("/api/cart");
        Assert.Equal("USD", (await client.SetItemAsync(dollars.Id, 1)).Currency);
    }

    [Fact]
    public async Task A_full_cart_refuses_another_product_but_takes_quantity_changes()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var products = Enumerable.Range(0, CartRules.MaxLines).Select(_ => Catalog.Add(price: 1m)).ToArray();
        foreach (var product in products) await client.SetItemAsync(product.Id, 1);

        var problem = await (await client.PutItemAsync(Catalog.Add().Id, 1)).ShouldBeProblem(HttpStatusCode.Conflict);
        var cart = await client.SetItemAsync(products[0].Id, 2);

        Assert.Contains(CartRules.MaxLines.ToString(), problem.GetProperty("detail").GetString());
        Assert.Equal((CartRules.MaxLines, 101m), (cart.Items.Count, cart.Total));
    }

    [Fact]
    public async Task Additions_count_units_put_in_by_new_lines_and_raised_quantities()
    {
        var (_, client) = fixture.Factory.CreateShopper();
        var product = Catalog.Add(stock: 50);
        using var additions = new MetricsRecorder(fixture.Factory.Services, "ProductStore.Cart");

        await client.SetItemAsync(product.Id, 2);
        Assert.Equal(2, additions.Sum("productstore.cart.additions"));
        await client.SetItemAsync(product.Id, 5);
        Assert.Equal(5, additions.Sum("productstore.cart.additions"));
        await client.SetItemAsync(product.Id, 1);
        await client.SetItemAsync(product.Id, 1);
        await client.PutItemAsync(product.Id, 51);
        Assert.Equal(5, additions.Sum("productstore.cart.additions"));
    }

    [Fact]
    public async Task The_cart_api_is_described_in_the_openapi_document()
    {
        var document = await fixture.Factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cart", out _));
        Assert.True(paths.TryGetProperty("/api/cart/items/{productId}", out _));
    }
}
