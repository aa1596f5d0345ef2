using System.Net;
using System.Text.Json;
using ProductStore.Gateway.Tests.Fakes;

namespace ProductStore.Gateway.Tests;

/// <summary>/metrics and the detailed health report only on the management port; the public one says ready or not, rate limited.</summary>
public class ManagementListenerTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Metrics_are_served_on_the_management_port_only_whatever_Host_the_client_claims()
    {
        using var management = _fixture.Factory.CreateManagementClient();
        using var client = _fixture.Factory.CreateClient();

        Assert.Contains("process_resident_memory_bytes", await management.GetStringAsync("/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        using var claimingManagement = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        claimingManagement.Headers.Host = $"127.0.0.1:{_fixture.Factory.ManagementPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(claimingManagement)).StatusCode);
        // The management port relays nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/api/catalog/categories")).StatusCode);
    }

    [Fact]
    public async Task Public_readiness_says_only_ready_or_not_and_names_no_service_or_address()
    {
        using var client = _fixture.Factory.CreateClient();
        Assert.Equal("{\"status\":\"Healthy\"}", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());

        _fixture.Services["orders"].Ready = false;
        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("{\"status\":\"Unhealthy\"}", body);
        using var management = _fixture.Factory.CreateManagementClient();
        var detailed = JsonDocument.Parse(await (await management.GetAsync("/health/ready")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", detailed.GetProperty("checks").GetProperty("orders").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}

public class PublicReadinessLimitTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new LimitedHealthFixture();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Public_readiness_is_rate_limited_per_client_and_the_management_port_is_not()
    {
        using var client = _fixture.Factory.CreateClient();
        using var management = _fixture.Factory.CreateManagementClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await client.GetAsync("/health/ready")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health/ready")).StatusCode);
    }

    private sealed class LimitedHealthFixture : GatewayFixture
    {
        protected override Dictionary<string, string?> Settings => new()
        {
            ["Gateway:RateLimits:Health:TokenLimit"] = "2",
            ["Gateway:RateLimits:Health:TokensPerPeriod"] = "1",
            ["Gateway:RateLimits:Health:ReplenishmentPeriod"] = "00:01:00",
        };
    }
}
