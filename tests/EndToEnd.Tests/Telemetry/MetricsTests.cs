using ProductStore.TestSupport;
using System.Net;

namespace ProductStore.EndToEnd.Tests.Telemetry;

/// <summary>After a shopper journey, every process's /metrics is valid Prometheus text and holds the business metrics.</summary>
public sealed class MetricsTests(MetricsTests.AfterOneJourney fixture) : IClassFixture<MetricsTests.AfterOneJourney>
{
    private readonly ProductStoreSystem _system = fixture.System;

    /// <summary>The system after one shopper journey, made once for all the theory's rows.</summary>
    public sealed class AfterOneJourney : SystemFixture
    {
        private readonly Lazy<Task> _journey;

        public AfterOneJourney() => _journey = new(ShopAsync);

        public Task JourneyAsync() => _journey.Value;

        private async Task ShopAsync()
        {
            using var shopper = await ShopperClient.RegisterAsync(System);
            var product = (await shopper.ProductsAsync("?inStock=true&limit=1"))[0]!;
            await shopper.PutItemAsync(Guid.Parse((string)product["id"]!), 1);
            Assert.Equal(HttpStatusCode.Created, (await shopper.CheckOutAsync(Guid.NewGuid().ToString())).StatusCode);
        }
    }

    public static TheoryData<string, string[]> Expectations => new()
    {
        { "gateway", ["http_server_request_duration_seconds_bucket", "productstore_gateway_upstream_duration_seconds_bucket", "kestrel_active_connections", "process_resident_memory_bytes"] },
        { "users", ["productstore_registrations_total", "productstore_logins_total", "productstore_db_operations_total", "db_client_operation_duration_seconds_bucket"] },
        { "catalog", ["productstore_stock_reservations_total", "http_server_request_duration_seconds_bucket", "dotnet_gc_collections_total"] },
        { "cart", ["productstore_cart_additions_total", "http_client_request_duration_seconds_bucket", "process_cpu_seconds_total"] },
        { "orders", ["productstore_checkouts_total", "productstore_orders_created_total", "productstore_order_value_bucket", "productstore_orders_status_transitions_total"] },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Metrics_pass_promtool_and_hold_the_journeys_business_metrics(string service, string[] names)
    {
        var promtool = Tools.Require("promtool");
        await fixture.JourneyAsync();

        // Some series appear only after the order moves on by itself (status transitions): scrape until they are there.
        using var http = new HttpClient();
        HttpResponseMessage response;
        string text;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        do
        {
            response = await http.GetAsync(new Uri(_system.MetricsEndpoint(service), "/metrics"));
            text = await response.Content.ReadAsStringAsync();
            if (names.All(n => ("\n" + text).Contains("\n" + n, StringComparison.Ordinal))) break;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var (exitCode, output) = await Tools.RunAsync(promtool, ["check", "metrics"], input: text);
        // promtool exits 1 for lint findings too (e.g. a counter without _total); both must be clean.
        Assert.True(exitCode == 0, $"promtool check metrics on {service}: {output}");
        foreach (var name in names) Assert.Contains("\n" + name, "\n" + text);
    }
}
