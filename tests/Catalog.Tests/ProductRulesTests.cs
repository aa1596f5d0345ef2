using ProductStore.Storage;
using ProductStore.Catalog.Apis;
using ProductStore.Catalog.Domain;
using ProductStore.ServiceDefaults.Validation;

namespace ProductStore.Catalog.Tests;

public class ProductRulesTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("19.9", true)]
    [InlineData("19.90", true)]
    [InlineData("1000000000", true)]
    [InlineData("-0.01", false)]
    [InlineData("0.001", false)]
    [InlineData("19.999", false)]
    [InlineData("1000000000.01", false)]
    public void A_price_is_non_negative_with_at_most_two_decimals(string price, bool valid) =>
        Assert.Equal(valid, ProductRules.IsPrice(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(ProductRules.MaxStock, true)]
    [InlineData(-1, false)]
    [InlineData(null, false)]
    public void Stock_is_a_whole_non_negative_number(int? stock, bool valid) => Assert.Equal(valid, ProductRules.IsStock(stock));

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("USD", true)]
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData("E1R", false)]
    [InlineData("ÉUR", false)]
    [InlineData(null, false)]
    public void A_currency_is_three_upper_case_letters(string? currency, bool valid) => Assert.Equal(valid, ProductRules.IsCurrency(currency));

    [Theory]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("https://img.example/a.png", true)]
    [InlineData("http://img.example/a.png", true)]
    [InlineData("/images/a.png", false)]
    [InlineData("ftp://img.example/a.png", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("not a url", false)]
    public void An_image_url_is_absolute_http_or_empty(string? url, bool valid) => Assert.Equal(valid, ProductRules.IsImageUrl(url));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.01", 1)]
    [InlineData("19.99", 1999)]
    [InlineData("1000000000", 100_000_000_000)]
    public void Prices_are_stored_as_cents_and_read_back_unchanged(string text, long cents)
    {
        var price = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(cents, StoredMoney.ToCents(price));
        Assert.Equal(price, StoredMoney.FromCents(cents));
    }

    [Fact]
    public void Price_filters_round_inwards_so_no_product_outside_the_range_matches()
    {
        Assert.Equal(1001, ProductRules.CeilingCents(10.001m));
        Assert.Equal(1000, ProductRules.CeilingCents(10m));
        Assert.Equal(1000, ProductRules.FloorCents(10.009m));
        Assert.Equal(1000, ProductRules.FloorCents(10m));
    }

    [Fact]
    public void A_product_request_names_every_invalid_field()
    {
        var errors = new ValidationErrors();
        new ProductRequest(" ", "", new string('d', 4001), null, 1.005m, "eur", -1, "/relative.png").Validate(errors);

        Assert.Equal(["category", "currency", "description", "imageUrl", "name", "price", "sku", "stock"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void A_valid_product_request_has_no_errors_and_defaults_its_currency()
    {
        var request = new ProductRequest("SKU-1", " Kettle ", null, "home", 24.5m, null, 0, null);
        var errors = new ValidationErrors();
        request.Validate(errors);

        Assert.True(errors.IsEmpty);
        var product = request.ToProduct(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch);
        Assert.Equal(("Kettle", "EUR", "", ""), (product.Name, product.Currency, product.Description, product.ImageUrl));
    }
}
