using System.Net;
using ProductStore.Gateway.Tests.Fakes;

namespace ProductStore.Gateway.Tests;

public class HealthTests : IAsyncLifetime
{
    private readonly GatewayFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Ready_when_every_service_is_ready_and_not_when_one_is_not()
    {
        using var client = _fixture.Factory.CreateManagementClient();

        var (allUp, checks) = await client.ReadinessAsync();
        Assert.Equal(HttpStatusCode.OK, allUp);
        // One check per service, and the gateway's own: not ready while it shuts down.
        Assert.Equal(GatewayFixture.ServiceNames.Append("shutdown").Order(), checks.Keys.Order());

        _fixture.Services["orders"].Ready = false;
        var (ordersNotReady, checksWithOrdersNotReady) = await client.ReadinessAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ordersNotReady);
        var orders = checksWithOrdersNotReady["orders"];
        Assert.Equal("Unhealthy", orders.GetProperty("status").GetString());
        Assert.Contains("503", orders.GetProperty("description").GetString());

        _fixture.Services["orders"].Ready = true;
        Assert.Equal(HttpStatusCode.OK, (await client.ReadinessAsync()).Status);
    }

    [Fact]
    public async Task Live_does_not_depend_on_the_services()
    {
        using var client = _fixture.Factory.CreateClient();
        _fixture.Services["users"].Ready = false;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
