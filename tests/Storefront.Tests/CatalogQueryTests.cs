using ProductStore.Storefront.Catalog;
using ProductStore.Storefront.Session;

namespace ProductStore.Storefront.Tests;

public sealed class CatalogQueryTests
{
    [Fact]
    public void Next_then_previous_returns_to_the_same_page_with_the_filters_kept()
    {
        var first = CatalogQuery.FromUrl("shoes", "red", "5", "50.5", "true", "-price", null, null);

        var second = first.Next("Y3Vyc29yMQ");
        var third = second.Next("Y3Vyc29yMg");

        Assert.Contains("cursor=Y3Vyc29yMg", third.Url());
        Assert.Equal(second, third.Previous());
        Assert.Equal(first, second.Previous());
        Assert.Equal("/?category=shoes&q=red&minPrice=5&maxPrice=50.5&inStock=true&sort=-price", first.Url());
    }

    [Fact]
    public void The_api_path_carries_the_filters_and_page_size_but_not_the_trail()
    {
        var query = CatalogQuery.FromUrl(null, "lamp", "abc", null, null, null, "Y3Vyc29yMg", "Y3Vyc29yMQ");

        Assert.Equal("api/catalog/products?q=lamp&cursor=Y3Vyc29yMg&limit=12", query.ApiPath());
    }

    [Theory]
    [InlineData("/checkout", "/checkout")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void A_return_url_stays_on_this_site(string? url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));
}
