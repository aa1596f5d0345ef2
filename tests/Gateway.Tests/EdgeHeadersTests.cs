using System.Net;
using System.Net.Http.Json;
using ProductStore.Gateway.Edge;
using ProductStore.Gateway.Tests.Fakes;

namespace ProductStore.Gateway.Tests;

public class EdgeHeadersTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_sane_request_id_is_kept_forwarded_and_echoed()
    {
        using var client = fixture.Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add("X-Request-Id", "client-42.retry_1");

        var response = await client.SendAsync(request);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();

        Assert.Equal("client-42.retry_1", echoed!.Header("X-Request-Id"));
        Assert.Equal("client-42.retry_1", Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("with space")]
    [InlineData("semi;colon")]
    public async Task A_missing_or_insane_request_id_is_replaced_by_the_trace_id(string? incoming)
    {
        using var client = fixture.Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        if (incoming is not null) request.Headers.TryAddWithoutValidation("X-Request-Id", incoming);

        var response = await client.SendAsync(request);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();

        var generated = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.Equal(generated, echoed!.Header("X-Request-Id"));
    }

    [Fact]
    public async Task Request_ids_differ_between_requests()
    {
        using var client = fixture.Factory.CreateClient();

        var first = (await client.GetAsync("/api/catalog/categories")).Headers.GetValues("X-Request-Id").Single();
        var second = (await client.GetAsync("/api/catalog/categories")).Headers.GetValues("X-Request-Id").Single();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("A-Z_a-z.0-9", true)]
    [InlineData("", false)]
    [InlineData("a,b", false)]
    [InlineData("a/b", false)]
    public void Request_id_sanity(string value, bool sane) => Assert.Equal(sane, EdgeHeaders.IsSaneRequestId(value));

    [Fact]
    public void Request_ids_up_to_128_characters_are_sane()
    {
        Assert.True(EdgeHeaders.IsSaneRequestId(new string('a', 128)));
        Assert.False(EdgeHeaders.IsSaneRequestId(new string('a', 129)));
    }

    [Theory]
    [InlineData("/api/catalog/products", HttpStatusCode.OK)]
    [InlineData("/.well-known/jwks.json", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/openapi/users.json", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers_and_no_server_header(string path, HttpStatusCode status)
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products/0196a1b2-0000-7000-8000-000000000001")]
    public async Task Storefront_pages_get_a_policy_that_lets_only_their_own_scripts_styles_and_forms_run(string path)
    {
        using var client = fixture.Factory.CreateClient();

        var csp = Header(await client.GetAsync(path), "Content-Security-Policy");

        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);
    }

    [Fact]
    public async Task Swagger_gets_a_policy_that_lets_its_own_scripts_and_styles_run()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/swagger/index.html");

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task The_service_learns_the_client_address_scheme_and_host_but_a_client_cannot_forge_them()
    {
        using var client = fixture.Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var echoed = await client.ForwardedAsync(request);

        Assert.Contains(echoed.Header("X-Forwarded-For"), new[] { "127.0.0.1", "::1" });
        Assert.Equal("http", echoed.Header("X-Forwarded-Proto"));
        Assert.Equal(client.BaseAddress!.Authority, echoed.Header("X-Forwarded-Host"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"No {name} header");
}
