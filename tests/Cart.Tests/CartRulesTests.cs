using ProductStore.Cart.Apis;
using ProductStore.Cart.Domain;

namespace ProductStore.Cart.Tests;

public class CartRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static CartLine Line(decimal price, int quantity = 1, string currency = "EUR", Guid? productId = null, DateTimeOffset? addedAt = null) =>
        new(productId ?? Guid.CreateVersion7(), "Thing", quantity, price, currency, addedAt ?? Now);

    [Theory]
    [InlineData(1, true)]
    [InlineData(42, true)]
    [InlineData(99, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(100, false)]
    [InlineData(null, false)]
    public void A_quantity_is_valid_from_1_to_99(int? quantity, bool valid) => Assert.Equal(valid, CartRules.IsValidQuantity(quantity));

    [Fact]
    public void Totals_are_exact_decimal_sums_of_current_price_times_quantity()
    {
        PricedLine[] lines = [new(Line(0.10m, 3), 0.10m), new(Line(0.20m, 1), 0.20m), new(Line(19.99m, 7), 19.99m)];

        Assert.Equal(0.30m, lines[0].LineTotal);
        Assert.Equal(139.93m, lines[2].LineTotal);
        Assert.Equal(140.43m, CartRules.Total(lines));
    }

    [Fact]
    public void A_line_is_charged_at_the_current_price_and_flags_a_change_from_the_price_when_added()
    {
        var line = Line(10.00m, 3);

        var dearer = new PricedLine(line, 12.50m);
        var same = new PricedLine(line, 10.00m);

        Assert.True(dearer.PriceChanged);
        Assert.Equal(37.50m, dearer.LineTotal);
        Assert.False(same.PriceChanged);
        Assert.Equal(30.00m, same.LineTotal);
    }

    [Fact]
    public void A_product_in_another_currency_conflicts_with_the_carts_currency()
    {
        var euro = Line(5m, currency: "EUR");
        var newProduct = Guid.CreateVersion7();

        Assert.Null(CartRules.ConflictingCurrency([], newProduct, "USD"));
        Assert.Null(CartRules.ConflictingCurrency([euro], newProduct, "EUR"));
        Assert.Equal("EUR", CartRules.ConflictingCurrency([euro], newProduct, "USD"));
        // The product's own line does not count: it is the one being changed.
        Assert.Null(CartRules.ConflictingCurrency([euro], euro.ProductId, "USD"));
    }

    [Fact]
    public void A_full_cart_takes_no_new_product_but_still_takes_changes_to_its_lines()
    {
        var full = Enumerable.Range(0, CartRules.MaxLines).Select(_ => Line(1m)).ToList();
        var almostFull = full.Skip(1).ToList();

        Assert.False(CartRules.HasRoomFor(full, Guid.CreateVersion7()));
        Assert.True(CartRules.HasRoomFor(full, full[5].ProductId));
        Assert.True(CartRules.HasRoomFor(almostFull, Guid.CreateVersion7()));
    }

    [Fact]
    public void Lines_are_shown_in_the_order_they_were_added()
    {
        var first = Line(1m, addedAt: Now);
        var second = Line(1m, productId: Guid.Empty, addedAt: Now.AddSeconds(1));

        Assert.Equal([first, second], CartRules.InAddedOrder([second, first]));
    }

    [Fact]
    public void A_cart_response_carries_the_currency_item_count_and_total()
    {
        var userId = Guid.NewGuid();
        var lines = new List<PricedLine> { new(Line(2.50m, 2, "USD"), 3.00m), new(Line(1.25m, 4, "USD"), 1.25m) };

        var cart = CartResponse.From(userId, lines);
        var empty = CartResponse.From(userId, []);

        Assert.Equal(("USD", 6, 11.00m), (cart.Currency, cart.ItemCount, cart.Total));
        Assert.Equal([3.00m, 1.25m], cart.Items.Select(i => i.UnitPrice));
        Assert.Equal([true, false], cart.Items.Select(i => i.PriceChanged));
        Assert.Equal(("EUR", 0, 0m), (empty.Currency, empty.ItemCount, empty.Total));
    }
}
