using System.Net;
using ProductStore.Gateway.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Gateway.Tests;

/// <summary>Catalog is down; the other services are up.</summary>
public sealed class CatalogDownFixture : GatewayFixture
{
    protected override Uri AddressOf(string service) => service == "catalog" ? EchoService.UnreachableAddress() : base.AddressOf(service);
}

public class UpstreamFailureTests(CatalogDownFixture fixture) : IClassFixture<CatalogDownFixture>
{
    [Fact]
    public async Task A_service_that_is_down_gives_a_502_problem_and_counts_as_an_upstream_error()
    {
        using var metrics = new MetricsRecorder(fixture.Factory.Services, GatewayMetrics.MeterName);
        using var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/api/catalog/products");

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadGateway);
        Assert.Contains("catalog", problem.GetProperty("detail").GetString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("X-Request-Id"));
        var error = Assert.Single(metrics.TagsOf("productstore.gateway.upstream.errors"));
        Assert.Equal(("catalog", "catalog", "unreachable"), (error["route"], error["cluster"], error["reason"]));
    }

    [Fact]
    public async Task The_other_services_are_still_reachable()
    {
        using var client = fixture.Factory.CreateClient();

        Assert.Equal("cart", (await client.ForwardedAsync("/api/cart")).Service);
    }

    [Fact]
    public async Task Readiness_on_the_management_port_is_503_and_names_the_service_that_is_down()
    {
        using var client = fixture.Factory.CreateManagementClient();

        var (status, checks) = await client.ReadinessAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["catalog"].GetProperty("status").GetString());
        foreach (var service in new[] { "cart", "orders", "users" }) Assert.Equal("Healthy", checks[service].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_catalog_document_is_a_502_problem_while_catalog_is_down()
    {
        using var client = fixture.Factory.CreateClient();

        await (await client.GetAsync("/openapi/catalog.json")).ShouldBeProblem(HttpStatusCode.BadGateway);
    }
}
