using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProductStore.Gateway.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests;

/// <summary>What a client gets wrong is a 4xx problem from the gateway, never a 5xx (issue 16).</summary>
public class ClientFaultTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_header_value_that_is_not_ascii_is_a_400_problem_naming_the_header_and_is_not_forwarded()
    {
        // .NET's client would refuse to send it too; this one sends UTF-8 as a careless client does.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = fixture.Factory.CreateClient().BaseAddress,
        };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.TryAddWithoutValidation("X-Note", "café");

        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("X-Note", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Connect_on_an_api_path_is_a_405_problem_with_allow()
    {
        // As curl -X CONNECT sends it (origin-form); .NET's client only sends CONNECT to open a tunnel.
        using var tcp = new System.Net.Sockets.TcpClient();
        var address = fixture.Factory.CreateClient().BaseAddress!;
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT /api/catalog/products HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n"));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 405", answer);
        Assert.Contains("Allow: GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS", answer);
        Assert.Contains("Content-Type: application/problem+json", answer);
    }

    [Theory]
    [InlineData("PROPFIND")]
    public async Task A_method_the_api_does_not_use_is_a_405_problem_with_allow(string method)
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/catalog/products"));

        await response.ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_methods_the_api_uses_are_forwarded()
    {
        using var client = fixture.Factory.CreateClient();

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options })
        {
            Assert.Equal(method.Method, (await client.ForwardedAsync(new HttpRequestMessage(method, "/api/cart"))).Method);
        }
    }
}

public class ClientFaultUnderLimitsTests(TightLimitsFixture fixture) : IClassFixture<TightLimitsFixture>
{
    [Fact]
    public async Task A_rate_limited_client_that_accepts_only_html_still_gets_429_problem_json_with_retry_after()
    {
        using var client = fixture.Factory.CreateClient();
        HttpResponseMessage response;
        do
        {
            var request = GatewayHttp.From("198.51.100.60", HttpMethod.Get, "/api/catalog/products");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            response = await client.SendAsync(request);
        }
        while (response.StatusCode == HttpStatusCode.OK);

        await response.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}

public class ClientFaultWithUpstreamDownTests(CatalogDownFixture fixture) : IClassFixture<CatalogDownFixture>
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData("application/json")]
    public async Task A_service_that_is_down_is_a_502_problem_with_retry_after_whatever_the_client_accepts(string accept)
    {
        using var client = fixture.Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Accept.ParseAdd(accept);

        var response = await client.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.BadGateway);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
