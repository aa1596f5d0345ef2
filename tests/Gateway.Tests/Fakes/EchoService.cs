using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests.Fakes;

/// <summary>
/// A service behind the gateway, on a real socket: it answers any request with what it received (method, path,
/// query, headers, body), serves an OpenAPI document, and reports ready or not as the test says.
/// </summary>
public sealed class EchoService : IAsyncDisposable
{
    private StubServer _server = null!;

    public required string Name { get; init; }
    public Uri Address => _server.Address;
    public volatile bool Ready = true;

    public static async Task<EchoService> StartAsync(string name)
    {
        var service = new EchoService { Name = name };
        service._server = await StubServer.StartAsync(app =>
        {
            app.MapGet("/health/ready", () => service.Ready ? Results.Ok() : Results.StatusCode(503));
            app.MapGet("/openapi/v1.json", () => Results.Text(OpenApiDocumentOf(name), "application/json"));
            app.Map("/{**path}", (Delegate)service.Echo);
        });
        return service;
    }

    public static string OpenApiDocumentOf(string service) =>
        "{\"openapi\":\"3.1.1\",\"info\":{\"title\":\"" + service + " | v1\",\"version\":\"1.0.0\"},\"paths\":{}}";

    /// <summary>An address where nothing listens: a service that is down.</summary>
    public static Uri UnreachableAddress() => new($"http://127.0.0.1:{FreePort.Next()}/");

    private async Task<IResult> Echo(HttpContext context)
    {
        var request = context.Request;
        if (int.TryParse(request.Query["delayMs"], out var delay)) await Task.Delay(delay, context.RequestAborted);
        using var reader = new StreamReader(request.Body);
        return Results.Ok(new EchoedRequest(
            Name,
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync()));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public sealed record EchoedRequest(string Service, string Method, string Path, string Query, Dictionary<string, string> Headers, string Body)
{
    /// <summary>A header as the service received it (names are case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
