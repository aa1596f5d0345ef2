using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Http;
using ProductStore.Storefront.Api;

namespace ProductStore.Storefront.Tests;

public sealed class ShopperAddressTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public string[] ForwardedFor { get; private set; } = [];
        public string[] ProxySecret { get; private set; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ForwardedFor = request.Headers.TryGetValues("X-Forwarded-For", out var values) ? values.ToArray() : [];
            ProxySecret = request.Headers.TryGetValues("X-Proxy-Secret", out var secrets) ? secrets.ToArray() : [];
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    private const string Secret = "test-proxy-secret-0123456789abcdef0123";

    private static async Task<Recorder> SendAsync(HttpContext? shopperRequest, string? sentAlready = null, string? proxySecret = null)
    {
        var recorder = new Recorder();
        var trust = Options.Create(new ForwardedHeadersTrustOptions { ProxySecret = proxySecret });
        using var client = new HttpClient(new ShopperAddressHandler(new HttpContextAccessor { HttpContext = shopperRequest }, trust) { InnerHandler = recorder });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://gateway/api/catalog/products");
        if (sentAlready is not null) request.Headers.Add("X-Forwarded-For", sentAlready);
        (await client.SendAsync(request)).Dispose();
        return recorder;
    }

    private static async Task<string[]> ForwardedForAsync(HttpContext? shopperRequest, string? sentAlready = null) =>
        (await SendAsync(shopperRequest, sentAlready)).ForwardedFor;

    private static DefaultHttpContext Shopper(string address)
    {
        var shopper = new DefaultHttpContext();
        shopper.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return shopper;
    }

    [Fact]
    public async Task An_api_call_names_the_shopper_it_serves_and_only_them()
    {
        Assert.Equal(["203.0.113.7"], await ForwardedForAsync(Shopper("203.0.113.7"), sentAlready: "198.51.100.1"));
    }

    [Fact]
    public async Task With_a_proxy_secret_the_address_goes_with_it_and_without_one_alone()
    {
        var vouched = await SendAsync(Shopper("203.0.113.8"), proxySecret: Secret);
        var alone = await SendAsync(Shopper("203.0.113.8"));
        var nobody = await SendAsync(shopperRequest: null, proxySecret: Secret);

        Assert.Equal(["203.0.113.8"], vouched.ForwardedFor);
        Assert.Equal([Secret], vouched.ProxySecret);
        Assert.Empty(alone.ProxySecret);
        Assert.Empty(nobody.ProxySecret);
    }

    [Fact]
    public async Task A_call_outside_a_shopper_request_names_nobody()
    {
        Assert.Empty(await ForwardedForAsync(shopperRequest: null));
    }
}
