using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests.Fakes;

public static class GatewayHttp
{
    /// <summary>Sends through the gateway and reads what the service behind it received.</summary>
    public static async Task<EchoedRequest> ForwardedAsync(this HttpClient client, HttpRequestMessage request) =>
        await (await client.SendAsync(request)).ShouldBe<EchoedRequest>(HttpStatusCode.OK);

    public static Task<EchoedRequest> ForwardedAsync(this HttpClient client, string path) =>
        client.ForwardedAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>The gateway's readiness: its status code and the status of each check, by name.</summary>
    public static async Task<(HttpStatusCode Status, Dictionary<string, JsonElement> Checks)> ReadinessAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, report.GetProperty("checks").EnumerateObject().ToDictionary(check => check.Name, check => check.Value));
    }

    /// <summary>A request that claims, in X-Forwarded-For, to come from <paramref name="clientIp"/>.</summary>
    public static HttpRequestMessage From(string clientIp, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", clientIp);
        return request;
    }
}
