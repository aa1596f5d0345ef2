using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProductStore.LoadTests.Runner;

namespace ProductStore.LoadTests.Scenarios;

/// <summary>Sending a request to the shop and turning the answer into a <see cref="Response{T}"/>.</summary>
public static class StoreHttp
{
    /// <summary>
    /// One client for every scenario: pooled connections, no cookie container (a shared one takes a lock per request),
    /// and enough connections per server that the client never queues requests the server could take.
    /// </summary>
    public static HttpClient CreateClient(Uri target, TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 10_000,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = target,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// 2xx is OK. <paramref name="expected"/> lists the non-2xx answers the shop is supposed to give under this load
    /// (a 429 from the rate limiter, a 409 when stock runs out): they count as OK and still show by status code. Anything else fails.
    /// </summary>
    public static async Task<Response<T>> SendAsync<T>(
        HttpClient http, HttpRequestMessage request, JsonTypeInfo<T>? payload, CancellationToken cancellationToken, params int[] expected)
    {
        // Headers first, then the body straight from the connection: the default would buffer it once more.
        using (request)
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && payload is null)
                return Response.Ok<T>(default!, status, await DrainAsync(response.Content, cancellationToken));
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return Response.Ok<T>(body.Length == 0 ? default! : JsonSerializer.Deserialize(body, payload!)!, status, body.Length);
            return expected.Contains(status)
                ? Response.Ok<T>(default!, status, body.Length, $"expected {status}")
                : Response.Fail<T>(status, $"{request.Method} {Route(request)}: {status} {ProblemTitleOf(body) ?? response.ReasonPhrase}", body.Length);
        }
    }

    /// <summary>Reads a body nobody looks at into a pooled buffer, counting its bytes.</summary>
    private static async Task<int> DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            int read, total = 0;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) total += read;
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static HttpRequestMessage Get(string uri, string? accessToken = null) => Request(HttpMethod.Get, uri, accessToken);

    public static HttpRequestMessage Json<T>(HttpMethod method, string uri, T body, JsonTypeInfo<T> type, string? accessToken = null)
    {
        var request = Request(method, uri, accessToken);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return request;
    }

    public static HttpRequestMessage Request(HttpMethod method, string uri, string? accessToken = null)
    {
        var request = new HttpRequestMessage(method, uri);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    /// <summary>The path without ids or query, so failures of the same route group together in the report.</summary>
    private static string Route(HttpRequestMessage request) => request.RequestUri is not { } uri ? ""
        : string.Join('/', (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]).Split('/').Select(part => Guid.TryParse(part, out _) ? "{id}" : part));

    private static string? ProblemTitleOf(byte[] body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize(body, StoreJsonContext.Default.ProblemTitle)?.Title : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
