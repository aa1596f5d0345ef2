#pragma warning disable ASPIREPROBES001
using Aspire.Hosting.ApplicationModel;
using ProductStore.AppHost.Hosting;
using ProductStore.TestSupport;

namespace ProductStore.AppHost.Tests;

public sealed class TopologyTests
{
    private static readonly string[] Services = ["users", "catalog", "cart", "orders", "storefront", "gateway"];

    [Fact]
    public async Task The_five_services_are_projects_on_the_documented_ports_and_only_the_gateway_is_public()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        var ports = Services.ToDictionary(s => s, s => builder.Resource(s).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
        Assert.Equal(new Dictionary<string, int?> { ["users"] = 8003, ["catalog"] = 8000, ["cart"] = 8001, ["orders"] = 8002, ["storefront"] = 8004, ["gateway"] = 8080 }, ports);
        Assert.All(Services, s => Assert.IsType<ServiceProjectResource>(builder.Resource(s)));
        Assert.All(Services, s => Assert.All(builder.Resource(s).Annotations.OfType<EndpointAnnotation>(), e => Assert.False(e.IsProxied)));
        Assert.Equal(["gateway"], Services.Where(s => builder.Resource(s).TryGetLastAnnotation<DeploymentAnnotation>(out var d) && d.IsPublic));
        Assert.All(Services, s => Assert.True(File.Exists(((ServiceProjectResource)builder.Resource(s)).ProjectPath), s));
    }

    [Fact]
    public async Task Ports_are_overridable_so_that_two_copies_can_run_side_by_side()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false", "--Ports:gateway=9080", "--Ports:users=9003");

        Assert.Equal(9080, builder.Resource("gateway").Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port);
        Assert.Equal(9003, builder.Resource("users").Annotations.OfType<EndpointAnnotation>().Single().Port);
        Assert.Equal(8000, builder.Resource("catalog").Annotations.OfType<EndpointAnnotation>().Single().Port);
    }

    [Fact]
    public async Task Only_the_gateway_has_a_management_listener_and_it_is_told_its_port()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false", "--Ports:gateway-management=9085");

        var management = Assert.Single(builder.Resource("gateway").Annotations.OfType<EndpointAnnotation>(), e => e.Name == ServiceProjects.ManagementEndpoint);
        Assert.Equal(9085, management.Port);
        var environment = await builder.EnvironmentAsync("gateway");
        Assert.Equal("9085", environment["Gateway__ManagementPort"]);
        // Both endpoints are listeners.
        Assert.Equal("http://127.0.0.1:{gateway.bindings.http.targetPort};http://127.0.0.1:{gateway.bindings.management.targetPort}",
            Assert.IsType<ReferenceExpression>(environment["ASPNETCORE_URLS"]).ValueExpression);
        Assert.All(Services.Where(s => s != "gateway"), s => Assert.Single(builder.Resource(s).Annotations.OfType<EndpointAnnotation>()));
    }

    [Fact]
    public async Task Each_service_references_and_waits_for_exactly_the_services_it_calls()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        Assert.Empty(builder.Resource("users").ReferencedNames());
        Assert.Equal(["users"], builder.Resource("catalog").ReferencedNames());
        Assert.Equal(["catalog", "users"], builder.Resource("cart").ReferencedNames());
        Assert.Equal(["cart", "catalog", "users"], builder.Resource("orders").ReferencedNames());
        Assert.Equal(["cart", "catalog", "orders", "storefront", "users"], builder.Resource("gateway").ReferencedNames());
        // The storefront calls the public API through the gateway, by address: a reference back would be a cycle.
        Assert.Empty(builder.Resource("storefront").ReferencedNames());
        foreach (var service in Services) Assert.Equal(builder.Resource(service).ReferencedNames(), builder.Resource(service).AwaitedNames());
    }

    [Fact]
    public async Task Every_service_is_ready_when_its_readiness_endpoint_says_so()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        foreach (var service in Services)
        {
            var probes = builder.Resource(service).Annotations.OfType<EndpointProbeAnnotation>().ToDictionary(p => p.Type, p => p.Path);
            Assert.Equal("/health/ready", probes[ProbeType.Readiness]);
            Assert.Equal("/health/live", probes[ProbeType.Liveness]);
            Assert.NotEmpty(builder.Resource(service).Annotations.OfType<HealthCheckAnnotation>());
        }
    }

    [Fact]
    public async Task Monitoring_runs_the_installed_servers_unless_turned_off()
    {
        using (var without = await AppHostModel.BuildAsync("--AppHost:Monitoring=false"))
        {
            Assert.DoesNotContain(without.Resources, r => r.Name is "prometheus" or "alertmanager");
        }
        Tools.Require("prometheus");
        using var with = await AppHostModel.BuildAsync();
        Assert.IsType<ExecutableResource>(with.Resource("prometheus"));
        Assert.Equal(9090, with.Resource("prometheus").Annotations.OfType<EndpointAnnotation>().Single().Port);
        Assert.Equal(9093, with.Resource("alertmanager").Annotations.OfType<EndpointAnnotation>().Single().Port);
    }

    [Fact]
    public async Task Deployments_get_the_Cassandra_cluster_Jaeger_and_Grafana_as_containers()
    {
        using var builder = await AppHostModel.BuildAsync("--operation", "publish");

        var cassandra = Assert.IsType<CassandraResource>(builder.Resource("cassandra"));
        Assert.True(cassandra.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        Assert.Equal(("cassandra", "5.0"), (image.Image, image.Tag));
        Assert.Equal(3, cassandra.Annotations.OfType<DeploymentAnnotation>().Single().ClusterSize);
        foreach (var container in new[] { "jaeger", "grafana", "prometheus", "alertmanager" }) Assert.IsAssignableFrom<ContainerResource>(builder.Resource(container));
    }
}
