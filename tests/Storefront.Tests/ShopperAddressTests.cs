using System.Net;
using Microsoft.AspNetCore.Http;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Tests;

public sealed class ShopperAddressTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public string[] ForwardedFor { get; private set; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ForwardedFor = request.Headers.TryGetValues("X-Forwarded-For", out var values) ? values.ToArray() : [];
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    private static async Task<string[]> ForwardedForAsync(HttpContext? shopperRequest, string? sentAlready = null)
    {
        var recorder = new Recorder();
        using var client = new HttpClient(new ShopperAddressHandler(new HttpContextAccessor { HttpContext = shopperRequest }) { InnerHandler = recorder });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://gateway/api/catalog/products");
        if (sentAlready is not null) request.Headers.Add("X-Forwarded-For", sentAlready);
        (await client.SendAsync(request)).Dispose();
        return recorder.ForwardedFor;
    }

    [Fact]
    public async Task An_api_call_names_the_shopper_it_serves_and_only_them()
    {
        var shopper = new DefaultHttpContext();
        shopper.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");

        Assert.Equal(["203.0.113.7"], await ForwardedForAsync(shopper, sentAlready: "198.51.100.1"));
    }

    [Fact]
    public async Task A_call_outside_a_shopper_request_names_nobody()
    {
        Assert.Empty(await ForwardedForAsync(shopperRequest: null));
    }
}
