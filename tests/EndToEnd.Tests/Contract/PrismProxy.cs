using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ProductStore.TestSupport;
using ProductStore.TestSupport.ApiContract;

namespace ProductStore.EndToEnd.Tests.Contract;

/// <summary>
/// `prism proxy --errors` in front of the gateway: every request and response is checked against the document, and a
/// response that breaks it becomes prism's 500 VIOLATIONS (a request that breaks it, its 422). <see cref="CreateHandler"/>
/// records what prism said about each call.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private const string PrismErrors = "https://stoplight.io/prism/errors#";
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _documentFile;
    private int _requests;

    private PrismProxy(Process process, Uri address, string documentFile)
    {
        _process = process;
        Address = address;
        _documentFile = documentFile;
    }

    public Uri Address { get; }

    public int Requests => _requests;

    /// <summary>Calls prism found breaking the document: a violation header, its 500 VIOLATIONS or its 422.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Calls prism answered itself because the document does not admit them (no token, no such path), as the journey meant.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<PrismProxy> StartAsync(JsonObject document, Uri upstream)
    {
        var prism = ApiTools.Require("prism");
        var documentFile = Path.Combine(Path.GetTempPath(), $"productstore-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(documentFile, document.ToJsonString());
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var startInfo = new ProcessStartInfo(prism) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "proxy", documentFile, upstream.ToString(), "--errors", "--host", "127.0.0.1", "--port", address.Port.ToString() })
            startInfo.ArgumentList.Add(argument);
        var proxy = new PrismProxy(Process.Start(startInfo)!, address, documentFile);
        proxy._process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        proxy._process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        proxy._process.BeginOutputReadLine();
        proxy._process.BeginErrorReadLine();
        await proxy.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        return proxy;
    }

    /// <summary>A handler for clients that call through prism: it counts calls and sorts prism's own answers.</summary>
    public HttpMessageHandler CreateHandler() => new Recorder(this) { InnerHandler = new HttpClientHandler() };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_documentFile);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"prism exited ({_process.ExitCode}): {Log}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(Address.Host, Address.Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private sealed class Recorder(PrismProxy proxy) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Interlocked.Increment(ref proxy._requests);
            var call = $"{request.Method} {request.RequestUri?.PathAndQuery} → {(int)response.StatusCode}";
            if (await PrismErrorAsync(response, cancellationToken) is { } error)
            {
                var target = error is "UNAUTHORIZED" or "NO_PATH_MATCHED_ERROR" or "NO_METHOD_MATCHED_ERROR" ? proxy.Refused : proxy.Violations;
                target.Enqueue($"{call}: {error} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            else if (response.Headers.TryGetValues("sl-violations", out var violations))
            {
                proxy.Violations.Enqueue($"{call}: {string.Join(" ", violations)}");
            }
            return response;
        }

        /// <summary>The name of the error when prism answered itself (https://stoplight.io/prism/errors#NAME), else null.</summary>
        private static async Task<string?> PrismErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var type = (string?)(JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject)?["type"];
            return type?.StartsWith(PrismErrors, StringComparison.Ordinal) == true ? type[PrismErrors.Length..] : null;
        }
    }
}
