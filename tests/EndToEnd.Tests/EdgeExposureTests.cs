using System.Net;
using System.Text.Json;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>What an outsider sees at the gateway: no metrics, no per-service health, public addresses in discovery.</summary>
public sealed class EdgeExposureTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private ProductStoreSystem _system => fixture.System;

    [Fact]
    public async Task The_public_listener_hides_metrics_and_health_detail_and_discovery_names_the_public_address()
    {
        using var anonymous = _system.CreateClient();
        using var management = new HttpClient { BaseAddress = _system.MetricsEndpoint("gateway") };

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("metrics")).StatusCode);
        Assert.Equal("{\"status\":\"Healthy\"}", await anonymous.GetStringAsync("health/ready"));
        Assert.Contains("process_resident_memory_bytes", await management.GetStringAsync("metrics"));
        var detailed = await (await management.GetAsync("health/ready")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(["cart", "catalog", "orders", "shutdown", "storefront", "users"], detailed.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());

        var discovery = await (await anonymous.GetAsync(".well-known/openid-configuration")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        var jwksUri = new Uri(discovery.GetProperty("jwks_uri").GetString()!);
        Assert.Equal(_system.Gateway.Authority, jwksUri.Authority);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(jwksUri)).StatusCode);
    }
}
