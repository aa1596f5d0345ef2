using System.Net;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>One checkout through the gateway is one trace, with spans from every service it touched, exported over OTLP.</summary>
public sealed class TracingTests : IAsyncLifetime
{
    private OtlpReceiver _receiver = null!;
    private ProductStoreSystem _system = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync();
        _system = await ProductStoreSystem.StartAsync(options =>
        {
            options.ForEveryService("OTEL_EXPORTER_OTLP_ENDPOINT", _receiver.Endpoint.ToString().TrimEnd('/'));
            options.ForEveryService("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            options.ForEveryService("OTEL_BSP_SCHEDULE_DELAY", "200");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_checkout_is_one_trace_across_gateway_orders_cart_and_catalog()
    {
        using var shopper = await ShopperClient.RegisterAsync(_system);
        var product = (await shopper.ProductsAsync("?inStock=true&limit=1"))[0]!;
        await shopper.PutItemAsync(Guid.Parse((string)product["id"]!), 1);
        var checkout = await shopper.CheckOutAsync(Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);

        string[] expected = ["gateway", "orders", "cart", "catalog"];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var spans = _receiver.Spans;
            // The saga's own span identifies the checkout's trace; every hop must carry that trace id.
            var saga = spans.FirstOrDefault(s => s.Service == "orders" && s.Name.StartsWith("checkout.", StringComparison.Ordinal));
            var trace = saga is null ? [] : spans.Where(s => s.TraceId == saga.TraceId).ToList();
            var services = trace.Select(s => s.Service).ToHashSet();
            if (expected.All(services.Contains))
            {
                var roots = trace.Where(s => s.ParentSpanId.Length == 0).ToList();
                var root = Assert.Single(roots);
                Assert.Equal("gateway", root.Service);
                Assert.Equal(2, root.Kind); // SERVER: the trace starts where the shopper's request came in
                return;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"No checkout trace spanning {string.Join(", ", expected)}; got {(saga is null ? "no checkout span" : string.Join(", ", services))}. " +
                $"Spans: {string.Join("; ", spans.Select(s => $"{s.Service}:{s.Name}:{s.TraceId[..8]}"))}");
            await Task.Delay(250);
        }
    }
}
