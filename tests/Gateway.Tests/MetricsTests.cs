using ProductStore.TestSupport;
using System.Net;
using ProductStore.Gateway.Tests.Fakes;

namespace ProductStore.Gateway.Tests;

public class MetricsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Each_forwarded_call_is_timed_by_route_cluster_and_status()
    {
        using var metrics = new MetricsRecorder(fixture.Factory.Services, GatewayMetrics.MeterName);
        using var client = fixture.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/users/login", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cart")).StatusCode);

        var timed = metrics.TagsOf("productstore.gateway.upstream.duration")
            .Select(tags => (tags["route"], tags["cluster"], tags["status_code"])).Order().ToList();
        Assert.Equal([("catalog", "catalog", "200"), ("storefront", "storefront", "200"), ("users-login", "users", "200")], timed);
        Assert.Empty(metrics.TagsOf("productstore.gateway.upstream.errors"));
    }

    [Fact]
    public async Task The_scrape_holds_the_gateways_own_upstream_series_and_not_the_meters_that_repeat_them()
    {
        using var client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/categories")).StatusCode);

        using var management = fixture.Factory.CreateManagementClient();
        var scrape = await management.GetStringAsync("/metrics");

        Assert.Contains("productstore_gateway_upstream_duration_seconds_bucket{", scrape);
        Assert.Contains("http_server_request_duration_seconds_bucket{", scrape);
        // Skipped in appsettings.json (Telemetry:SkipMeters): the upstream histogram above already times every outgoing call.
        Assert.DoesNotContain("http_client_", scrape);
        Assert.DoesNotContain("aspnetcore_rate_limiting_", scrape);
        Assert.DoesNotContain("aspnetcore_routing_", scrape);
        // Skipped by every process (TelemetrySetup.SkippedMeters): ASP.NET Core 10's buffer pool meter counts every rented buffer.
        Assert.DoesNotContain("aspnetcore_memory_pool_", scrape);
    }
}
