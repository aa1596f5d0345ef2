using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storefront.Api;
using ProductStore.Storefront.Components.Pages.Shop;

namespace ProductStore.Storefront.Tests;

public sealed class SharedCatalogReadsTests : BunitContext
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The catalog API: one product at <see cref="Price"/>; it answers <see cref="Status"/> and counts product reads.</summary>
    private sealed class CatalogApi : HttpMessageHandler
    {
        public decimal Price { get; set; } = 10m;
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
        public TaskCompletionSource? Gate { get; set; }
        public int ProductReads;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/api/catalog/categories") return Json(Array.Empty<Category>());
            Interlocked.Increment(ref ProductReads);
            if (Gate is { } gate) await gate.Task;
            if (Status != HttpStatusCode.OK) return new HttpResponseMessage(Status);
            var product = new Product(Guid.Parse("0196a1b2-0000-7000-8000-000000000001"), "SKU-1", "red running shoes", "", "shoes", Price, "EUR", 3, "");
            return Json(new Page<Product>([product], null));
        }

        private static HttpResponseMessage Json<T>(T value) =>
            new(HttpStatusCode.OK) { Content = JsonContent.Create(value, options: JsonSerializerOptions.Web) };
    }

    private readonly CatalogApi _api = new();
    private readonly Clock _clock = new();

    private CatalogClient Serve(bool signedIn = false)
    {
        var identity = signedIn ? new ClaimsIdentity([new Claim(ClaimTypes.Name, "Ada")], "session") : new ClaimsIdentity();
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) } };
        var catalog = new CatalogClient(new HttpClient(_api) { BaseAddress = new Uri("http://gateway/") },
            new MemoryCache(new MemoryCacheOptions()), new SharedCatalogReads(accessor, _clock));
        Services.AddSingleton(catalog);
        return catalog;
    }

    private string ShownPrice() => Render<CatalogListing>().WaitForElement(".price").TextContent;

    [Fact]
    public void Two_anonymous_catalog_pages_within_a_second_make_one_api_call()
    {
        Serve();

        Assert.Equal("10.00 EUR", ShownPrice());
        Assert.Equal(1, _api.ProductReads);
        _api.Price = 12m;
        _clock.Now += TimeSpan.FromMilliseconds(900);

        Assert.Equal("10.00 EUR", ShownPrice());
        Assert.Equal(1, _api.ProductReads);
    }

    [Fact]
    public void A_page_after_the_window_shows_the_new_price()
    {
        Serve();
        Assert.Equal("10.00 EUR", ShownPrice());

        _api.Price = 12m;
        _clock.Now += SharedCatalogReads.KeptFor;

        Assert.Equal("12.00 EUR", ShownPrice());
        Assert.Equal(2, _api.ProductReads);
    }

    [Fact]
    public void A_signed_in_shopper_reads_live()
    {
        Serve(signedIn: true);
        Assert.Equal("10.00 EUR", ShownPrice());

        _api.Price = 12m;

        Assert.Equal("12.00 EUR", ShownPrice());
        Assert.Equal(2, _api.ProductReads);
    }

    [Fact]
    public void A_failed_read_is_not_kept()
    {
        Serve();
        _api.Status = HttpStatusCode.ServiceUnavailable;
        Render<CatalogListing>().WaitForElement("[role=alert]");

        _api.Status = HttpStatusCode.OK;

        Assert.Equal("10.00 EUR", ShownPrice());
        Assert.Equal(2, _api.ProductReads);
    }

    [Fact]
    public async Task Pages_arriving_while_the_read_runs_wait_for_that_read()
    {
        var catalog = Serve();
        _api.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pages = Enumerable.Range(0, 5).Select(_ => catalog.ProductsAsync(new())).ToArray();
        _api.Gate.SetResult();

        Assert.All(await Task.WhenAll(pages), page => Assert.Equal(10m, page.Value!.Items[0].Price));
        Assert.Equal(1, _api.ProductReads);
    }
}
