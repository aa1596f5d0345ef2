using Microsoft.AspNetCore.Http;
using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using ProductStore.Storefront.Api;
using ProductStore.Storefront.Components.Pages.Shop;
using ProductStore.Storefront.Session;
using ProductStore.Storefront.Shopping;

namespace ProductStore.Storefront.Tests;

public sealed class CartTableTests : BunitContext
{
    private static readonly Product Lamp = new(Guid.Parse("0196a1b2-0000-7000-8000-000000000011"), "SKU-L", "desk lamp", "", "home", 10m, "EUR", 4, "");
    private static readonly Product Mug = new(Guid.Parse("0196a1b2-0000-7000-8000-000000000012"), "SKU-M", "tea mug", "", "home", 2.5m, "EUR", 50, "");

    /// <summary>
    /// The browser and /cart/lines as the component sees them: each change sent is recorded and answered from a cart
    /// held here, as the endpoint answers (the cart as JSON, or a problem); <see cref="Hold"/> keeps answers back.
    /// </summary>
    private sealed class Shop : IJSRuntime, IJSObjectReference
    {
        public readonly Dictionary<Guid, int> Lines = [];
        public readonly List<(string Method, string Url, string? Token, int? Quantity)> Sent = [];
        public bool RefuseBeyondStock;
        public bool Unreachable;
        public TaskCompletionSource? Hold;
        public int Focused;

        public CartView View() => CartView.FromGuest(Lines, [Lamp, Mug]);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (identifier == "import") return ValueTask.FromResult((TValue)(object)this);
            Assert.Equal("Blazor._internal.domWrapper.focus", identifier);
            Focused++;
            return ValueTask.FromResult(default(TValue)!);
        }

        ValueTask<TValue> IJSObjectReference.InvokeAsync<TValue>(string identifier, object?[]? args) => SendAsync<TValue>(identifier, args!);

        ValueTask<TValue> IJSObjectReference.InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            SendAsync<TValue>(identifier, args!);

        private async ValueTask<TValue> SendAsync<TValue>(string identifier, object?[] args)
        {
            Assert.Equal("send", identifier);
            var (method, url, token) = ((string)args[0]!, (string)args[1]!, (string?)args[2]);
            int? quantity = args[3] is { } body ? JsonSerializer.SerializeToElement(body).GetProperty("quantity").GetInt32() : null;
            Sent.Add((method, url, token, quantity));
            if (Hold is { } hold) await hold.Task;
            return (TValue)(object)Answer(method, Guid.Parse(url[(CartLineEndpoints.Path.Length + 1)..]), quantity);
        }

        private BrowserCartLines.BrowserAnswer Answer(string method, Guid id, int? quantity)
        {
            if (Unreachable) return new(503, null, "");
            var stock = new[] { Lamp, Mug }.Single(p => p.Id == id).Stock;
            if (method == "PUT" && RefuseBeyondStock && quantity > stock)
                return new(409, "application/problem+json", JsonSerializer.Serialize(new { title = "Not enough stock", status = 409, detail = $"Only {stock} of 'desk lamp' are in stock." }));
            if (method == "DELETE") Lines.Remove(id);
            else Lines[id] = quantity!.Value;
            return new(200, "application/json; charset=utf-8", JsonSerializer.Serialize(View(), JsonSerializerOptions.Web));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private Shop ShopWith(params (Product Product, int Quantity)[] lines)
    {
        var shop = new Shop();
        foreach (var (product, quantity) in lines) shop.Lines[product.Id] = quantity;
        // The static path's service; a circuit never calls it (no HttpContext there), so its clients reach nothing.
        var nowhere = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        Services.AddSingleton(new ShoppingCart(new CartClient(nowhere), new CatalogClient(nowhere, new MemoryCache(new MemoryCacheOptions()),
            new SharedCatalogReads(new HttpContextAccessor(), TimeProvider.System)),
            new GuestCart(new EphemeralDataProtectionProvider())));
        Services.AddSingleton<IJSRuntime>(shop);
        Services.AddScoped<BrowserCartLines>();
        return shop;
    }

    private IRenderedComponent<CartTable> RenderOnCircuit(Shop shop)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<CartTable>(p => p.Add(c => c.View, shop.View()).Add(c => c.RequestToken, "token-1"));
    }

    private static string Total(IRenderedComponent<CartTable> cart) => cart.Find("[data-cart-total]").TextContent.Trim();

    private static string ItemCount(IRenderedComponent<CartTable> cart) => cart.Find("[data-item-count]").TextContent;

    private static string QuantityShown(IRenderedComponent<CartTable> cart, Product product) => cart.Find($"#quantity-{product.Id}").GetAttribute("value")!;

    private static void Click(IRenderedComponent<CartTable> cart, string label) => cart.Find($"button[aria-label='{label}']").Click();

    [Fact]
    public void On_a_circuit_plus_sends_the_next_quantity_with_the_token_and_line_total_item_count_and_total_follow_the_answer()
    {
        var shop = ShopWith((Lamp, 2), (Mug, 1));
        var cart = RenderOnCircuit(shop);
        Assert.Equal("22.50 EUR", Total(cart));

        Click(cart, "Increase quantity of desk lamp");

        cart.WaitForAssertion(() => Assert.Equal("32.50 EUR", Total(cart)));
        Assert.Equal([("PUT", $"/cart/lines/{Lamp.Id}", "token-1", 3)], shop.Sent);
        Assert.Equal("3", QuantityShown(cart, Lamp));
        Assert.Equal("4", ItemCount(cart));
        Assert.Equal("30.00 EUR", cart.Find($"tr:has(#quantity-{Lamp.Id}) td:nth-of-type(3)").TextContent.Trim());
        Assert.Equal("desk lamp: 3. Total (4 items): 32.50 EUR.", cart.Find("[role=status]").TextContent);
        Assert.Empty(cart.FindAll("button[type=submit]:not([aria-label^=Remove])"));
    }

    [Fact]
    public void Minus_at_one_is_marked_disabled_and_sends_nothing()
    {
        var shop = ShopWith((Mug, 1));
        var cart = RenderOnCircuit(shop);

        Assert.Equal("true", cart.Find("button[aria-label='Decrease quantity of tea mug']").GetAttribute("aria-disabled"));
        Click(cart, "Decrease quantity of tea mug");

        Assert.Empty(shop.Sent);
        Assert.Equal("1", QuantityShown(cart, Mug));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("2.5")]
    [InlineData("")]
    public void A_typed_quantity_outside_1_to_99_is_refused_beside_the_line_and_nothing_is_sent(string typed)
    {
        var shop = ShopWith((Lamp, 2));
        var cart = RenderOnCircuit(shop);
        var input = cart.Find($"#quantity-{Lamp.Id}");

        input.Input(typed);
        cart.Find($"#quantity-{Lamp.Id}").Change(typed);

        Assert.Empty(shop.Sent);
        Assert.Equal(ShoppingCart.QuantityRule, cart.Find($"#problem-{Lamp.Id}").TextContent);
        Assert.Equal("true", cart.Find($"#quantity-{Lamp.Id}").GetAttribute("aria-invalid"));
        Assert.Equal("20.00 EUR", Total(cart));
        Assert.Equal(2, shop.Lines[Lamp.Id]);
    }

    [Fact]
    public void A_typed_quantity_is_sent_on_change()
    {
        var shop = ShopWith((Lamp, 2));
        var cart = RenderOnCircuit(shop);

        cart.Find($"#quantity-{Lamp.Id}").Input("4");
        cart.Find($"#quantity-{Lamp.Id}").Change("4");

        cart.WaitForAssertion(() => Assert.Equal("40.00 EUR", Total(cart)));
        Assert.Equal(4, Assert.Single(shop.Sent).Quantity);
    }

    [Fact]
    public void A_refusal_for_stock_shows_its_message_beside_the_line_and_the_line_keeps_its_quantity()
    {
        var shop = ShopWith((Lamp, 4));
        shop.RefuseBeyondStock = true;
        var cart = RenderOnCircuit(shop);

        Click(cart, "Increase quantity of desk lamp");

        cart.WaitForAssertion(() => Assert.Equal("Only 4 of 'desk lamp' are in stock.", cart.Find($"#problem-{Lamp.Id}").TextContent));
        Assert.Equal("alert", cart.Find($"#problem-{Lamp.Id}").GetAttribute("role"));
        Assert.Equal("4", QuantityShown(cart, Lamp));
        Assert.Equal("40.00 EUR", Total(cart));
    }

    [Fact]
    public void No_answer_at_all_asks_to_try_again_and_the_line_keeps_its_quantity()
    {
        var shop = ShopWith((Lamp, 2));
        shop.Unreachable = true;
        var cart = RenderOnCircuit(shop);

        Click(cart, "Increase quantity of desk lamp");

        cart.WaitForAssertion(() => Assert.Equal("Please try again in a moment.", cart.Find($"#problem-{Lamp.Id}").TextContent));
        Assert.Equal("2", QuantityShown(cart, Lamp));
        Assert.Equal("20.00 EUR", Total(cart));
    }

    [Fact]
    public void Quick_clicks_add_up_one_call_at_a_time_and_the_number_shows_the_quantity_asked_for_meanwhile()
    {
        var shop = ShopWith((Mug, 1));
        shop.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cart = RenderOnCircuit(shop);

        Click(cart, "Increase quantity of tea mug");
        Click(cart, "Increase quantity of tea mug");
        Click(cart, "Increase quantity of tea mug");
        Assert.Equal("4", QuantityShown(cart, Mug));
        Assert.Single(shop.Sent);
        shop.Hold.SetResult();

        cart.WaitForAssertion(() => Assert.Equal("10.00 EUR", Total(cart)));
        Assert.Equal([2, 4], shop.Sent.Select(s => s.Quantity));
        Assert.Equal("4", QuantityShown(cart, Mug));
    }

    [Fact]
    public void More_than_in_stock_shows_the_stock_notice_and_holds_back_checkout_until_lowered()
    {
        var shop = ShopWith((Lamp, 4));
        var cart = RenderOnCircuit(shop);
        Assert.Contains("Log in to check out", cart.Markup);

        Click(cart, "Increase quantity of desk lamp");

        cart.WaitForAssertion(() => Assert.Contains("Only 4 in stock: lower the quantity to check out.", cart.Markup));
        Assert.Contains("Fix the lines marked above to check out.", cart.Markup);
        Click(cart, "Decrease quantity of desk lamp");
        cart.WaitForAssertion(() => Assert.DoesNotContain("Only 4 in stock", cart.Markup));
        Assert.Contains("Log in to check out", cart.Markup);
    }

    [Fact]
    public void Remove_on_a_circuit_takes_the_line_out_and_announces_the_new_total()
    {
        var shop = ShopWith((Lamp, 1), (Mug, 2));
        var cart = RenderOnCircuit(shop);

        cart.Find("button[aria-label='Remove desk lamp']").Click();

        cart.WaitForAssertion(() => Assert.Single(cart.FindAll("tbody tr")));
        Assert.Equal(("DELETE", $"/cart/lines/{Lamp.Id}", "token-1", (int?)null), Assert.Single(shop.Sent));
        Assert.Equal("desk lamp removed. Total (2 items): 5.00 EUR.", cart.Find("[role=status]").TextContent);
        Assert.Equal(1, shop.Focused);
    }

    [Fact]
    public void Without_a_circuit_each_line_is_a_plain_form_with_an_update_button_and_no_steppers()
    {
        var shop = ShopWith((Lamp, 2));
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cart = Render<CartTable>(p => p.Add(c => c.View, shop.View()));

        var form = cart.Find("form.stepper");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Update", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Equal("quantity", form.QuerySelector("input")!.GetAttribute("name"));
        Assert.Empty(cart.FindAll("button[aria-label^='Increase']"));
        Assert.Empty(shop.Sent);
    }
}
