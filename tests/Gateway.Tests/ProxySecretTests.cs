using System.Net;
using ProductStore.Gateway.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests;

/// <summary>A deployment's gateway: no trusted proxy address, the storefront vouched for by the secret they share; buckets of 5
/// (more than the few requests these tests send from loopback itself).</summary>
public sealed class ProxySecretFixture : GatewayFixture
{
    public const string Secret = "test-proxy-secret-0123456789abcdef0123";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Gateway:ProxySecret"] = Secret,
        ["Gateway:RateLimits:Default:TokenLimit"] = "5",
        ["Gateway:RateLimits:Default:TokensPerPeriod"] = "1",
        ["Gateway:RateLimits:Default:ReplenishmentPeriod"] = "01:00:00",
    };
}

public sealed class ProxySecretTests(ProxySecretFixture fixture) : IClassFixture<ProxySecretFixture>
{
    private static HttpRequestMessage From(string clientIp, string path, string? secret)
    {
        var request = GatewayHttp.From(clientIp, HttpMethod.Get, path);
        if (secret is not null) request.Headers.Add("X-Proxy-Secret", secret);
        return request;
    }

    [Fact]
    public async Task The_forwarded_address_is_believed_with_the_secret_and_not_without_it_or_with_another()
    {
        using var client = fixture.Factory.CreateClient();

        Assert.Equal("198.51.100.20", (await client.ForwardedAsync(From("198.51.100.20", "/api/orders", ProxySecretFixture.Secret))).Header("X-Forwarded-For"));
        Assert.Contains((await client.ForwardedAsync(From("198.51.100.21", "/api/orders", secret: null))).Header("X-Forwarded-For"), new[] { "127.0.0.1", "::1" });
        Assert.Contains((await client.ForwardedAsync(From("198.51.100.22", "/api/orders", ProxySecretFixture.Secret + "x"))).Header("X-Forwarded-For"), new[] { "127.0.0.1", "::1" });
    }

    [Fact]
    public async Task Shoppers_the_storefront_vouches_for_get_a_bucket_each()
    {
        using var client = fixture.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("198.51.100.30", "/api/catalog/products", ProxySecretFixture.Secret))).StatusCode);

        await (await client.SendAsync(From("198.51.100.30", "/api/catalog/products", ProxySecretFixture.Secret))).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From("198.51.100.31", "/api/catalog/products", ProxySecretFixture.Secret))).StatusCode);
    }

    [Fact]
    public async Task Only_the_storefront_gets_the_secret_and_a_client_sent_one_goes_no_further()
    {
        using var client = fixture.Factory.CreateClient();

        var page = await client.ForwardedAsync(From("198.51.100.40", "/catalog", "a-client-guess"));
        var api = await client.ForwardedAsync(From("198.51.100.41", "/api/cart", ProxySecretFixture.Secret));

        Assert.Equal("storefront", page.Service);
        Assert.Equal(ProxySecretFixture.Secret, page.Header("X-Proxy-Secret"));
        Assert.Contains(page.Header("X-Forwarded-For"), new[] { "127.0.0.1", "::1" });
        Assert.Null(api.Header("X-Proxy-Secret"));
    }
}
