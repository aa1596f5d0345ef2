using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.EndToEnd.Tests.Telemetry.Otlp;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>A span as the receiver got it: which service sent it, its trace and its name.</summary>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind);

/// <summary>Stands in for Jaeger's OTLP/HTTP endpoint (POST /v1/traces, protobuf) and keeps every span it receives.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private StubServer _server = null!;

    public Uri Endpoint => _server.Address;

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._server = await StubServer.StartAsync(app => app.MapPost("/v1/traces", receiver.ReceiveAsync));
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
        foreach (var resourceSpans in export.ResourceSpans)
        {
            var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
            {
                _spans.Enqueue(new ReceivedSpan(service, Convert.ToHexStringLower(span.TraceId.Span), Convert.ToHexStringLower(span.SpanId.Span),
                    Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name, span.Kind));
            }
        }
        // An empty ExportTraceServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
