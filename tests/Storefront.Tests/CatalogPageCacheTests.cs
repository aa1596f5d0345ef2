using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Tests;

/// <summary>An anonymous shopper's catalog page is kept a second per URL, on the storefront's real pipeline.</summary>
public sealed class CatalogPageCacheTests : IDisposable
{
    /// <summary>The gateway's catalog: one product named after the search, or 503 while <see cref="Down"/>.</summary>
    private sealed class Catalog : HttpMessageHandler
    {
        public volatile bool Down;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    Content = JsonContent.Create(new ProblemDetails { Status = 503, Title = "The catalog is unavailable." }, mediaType: new("application/problem+json")),
                });
            }
            var uri = request.RequestUri!;
            var search = System.Web.HttpUtility.ParseQueryString(uri.Query)["q"] ?? "all";
            object body = uri.AbsolutePath.EndsWith("/categories", StringComparison.Ordinal)
                ? new[] { new Category(Guid.NewGuid(), "home", "Home") }
                : new Page<Product>([new Product(Guid.NewGuid(), "SKU-1", $"lamp {search}", "", "home", 10m, "EUR", 4, "")], null);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) });
        }
    }

    private readonly Catalog _catalog = new();
    private readonly StorefrontHost _storefront;
    private readonly HttpClient _client;

    public CatalogPageCacheTests()
    {
        _storefront = new StorefrontHost(() => _catalog);
        _client = _storefront.CreatePlainClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _storefront.Dispose();
    }

    private async Task<string> PageAsync(string url, bool enhancedNavigation = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", enhancedNavigation ? "text/html; blazor-enhanced-nav=on" : "text/html");
        using var page = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_same_page_again_is_the_kept_answer()
    {
        var first = await PageAsync("/?q=desk");
        var second = await PageAsync("/?q=desk");

        Assert.Contains("lamp desk", first);
        // Every render seals its component state afresh: byte-equal answers were rendered once.
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Other_filters_or_a_streamed_request_get_their_own_page()
    {
        var desk = await PageAsync("/?q=desk");
        var floor = await PageAsync("/?q=floor");
        var streamed = await PageAsync("/?q=desk", enhancedNavigation: true);

        Assert.Contains("lamp floor", floor);
        Assert.DoesNotContain("lamp desk", floor);
        Assert.NotEqual(desk, streamed);
    }

    [Fact]
    public async Task A_page_showing_a_problem_is_not_kept()
    {
        _catalog.Down = true;
        var down = await PageAsync("/?q=desk");
        _catalog.Down = false;
        var up = await PageAsync("/?q=desk");

        Assert.Contains("The catalog is unavailable.", down);
        Assert.Contains("lamp desk", up);
    }
}
