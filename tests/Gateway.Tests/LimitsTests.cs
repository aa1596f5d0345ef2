using System.Net;
using System.Net.Http.Headers;
using ProductStore.Gateway.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests;

/// <summary>Small buckets, a 1 KB body limit, a 300 ms upstream timeout on catalog, and loopback as a trusted proxy, so each test can be its own client IP.</summary>
public sealed class TightLimitsFixture : GatewayFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Gateway:RateLimits:Default:TokenLimit"] = "5",
        ["Gateway:RateLimits:Default:TokensPerPeriod"] = "1",
        ["Gateway:RateLimits:Default:ReplenishmentPeriod"] = "01:00:00",
        ["Gateway:RateLimits:Auth:TokenLimit"] = "2",
        ["Gateway:RateLimits:Auth:TokensPerPeriod"] = "1",
        ["Gateway:RateLimits:Auth:ReplenishmentPeriod"] = "00:10:00",
        ["Gateway:KnownProxies:0"] = "127.0.0.1",
        ["Gateway:KnownProxies:1"] = "::1",
        ["Limits:MaxRequestBodyBytes"] = "1024",
        ["ReverseProxy:Clusters:catalog:HttpRequest:ActivityTimeout"] = "00:00:00.300",
    };
}

public class LimitsTests(TightLimitsFixture fixture) : IClassFixture<TightLimitsFixture>
{
    [Fact]
    public async Task A_client_that_spends_its_bucket_gets_429_with_retry_after_while_another_client_does_not()
    {
        using var client = fixture.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(GatewayHttp.From("198.51.100.1", HttpMethod.Get, "/api/catalog/products"))).StatusCode);
        }

        var refused = await client.SendAsync(GatewayHttp.From("198.51.100.1", HttpMethod.Get, "/api/cart"));

        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 3600);
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(GatewayHttp.From("198.51.100.2", HttpMethod.Get, "/api/cart"))).StatusCode);
    }

    [Fact]
    public async Task Login_and_register_share_a_stricter_bucket_that_leaves_the_rest_of_the_api_open()
    {
        using var metrics = new MetricsRecorder(fixture.Factory.Services, GatewayMetrics.MeterName);
        using var client = fixture.Factory.CreateClient();
        const string ip = "198.51.100.3";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(GatewayHttp.From(ip, HttpMethod.Post, "/api/users/login", new { email = "a@b.c" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(GatewayHttp.From(ip, HttpMethod.Post, "/api/users/register", new { email = "a@b.c" }))).StatusCode);

        var refused = await client.SendAsync(GatewayHttp.From(ip, HttpMethod.Post, "/api/users/login", new { email = "a@b.c" }));

        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 60, 600);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(GatewayHttp.From(ip, HttpMethod.Get, "/api/users/me"))).StatusCode);
        Assert.Equal("auth", Assert.Single(metrics.TagsOf("productstore.gateway.rate_limited"))["policy"]);
    }

    [Fact]
    public async Task A_trusted_proxy_passes_the_client_address_on_to_the_service()
    {
        using var client = fixture.Factory.CreateClient();

        var echoed = await client.ForwardedAsync(GatewayHttp.From("198.51.100.4", HttpMethod.Get, "/api/orders"));

        Assert.Equal("198.51.100.4", echoed.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_with_or_without_a_content_length()
    {
        using var client = fixture.Factory.CreateClient();

        var declared = GatewayHttp.From("198.51.100.5", HttpMethod.Post, "/api/orders");
        declared.Content = new ByteArrayContent(new byte[2048]);
        await (await client.SendAsync(declared)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        var chunked = GatewayHttp.From("198.51.100.5", HttpMethod.Post, "/api/orders");
        chunked.Content = new StreamContent(new MemoryStream(new byte[2048]));
        chunked.Headers.TransferEncodingChunked = true;
        await (await client.SendAsync(chunked)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        var small = GatewayHttp.From("198.51.100.5", HttpMethod.Post, "/api/orders");
        small.Content = new ByteArrayContent(new byte[1000]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
        Assert.Equal(1000, (await client.ForwardedAsync(small)).Body.Length);
    }

    [Fact]
    public async Task A_service_slower_than_the_timeout_gives_a_504_problem()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.SendAsync(GatewayHttp.From("198.51.100.6", HttpMethod.Get, "/api/catalog/products?delayMs=3000"));

        await response.ShouldBeProblem(HttpStatusCode.GatewayTimeout);
    }
}
