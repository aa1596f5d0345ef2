using ProductStore.AppHost.Model;

namespace ProductStore.AppHost.Tests;

public sealed class AppModelTests
{
    private readonly AppModel _model = ProductStoreTopology.Create();

    [Fact]
    public void Every_resource_comes_after_the_resources_it_references()
    {
        var position = _model.Resources.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => p.i);
        foreach (var resource in _model.Resources)
        {
            foreach (var reference in resource.References)
                Assert.True(position[reference] < position[resource.Name], $"{reference} must start before {resource.Name}");
        }
    }

    [Fact]
    public void The_topology_has_the_documented_names_and_default_ports()
    {
        var ports = _model.Resources.ToDictionary(r => r.Name, r => r.DefaultPort);
        Assert.Equal(8080, ports["gateway"]);
        Assert.Equal(8000, ports["catalog"]);
        Assert.Equal(8001, ports["cart"]);
        Assert.Equal(8002, ports["orders"]);
        Assert.Equal(8003, ports["users"]);
        Assert.Equal(["gateway"], _model.Projects.Where(p => p.IsPublic).Select(p => p.Name));
    }

    [Fact]
    public void Every_project_file_exists()
    {
        var root = Run.RunSettings.FindRepositoryRoot();
        foreach (var project in _model.Projects) Assert.True(File.Exists(Path.Combine(root, project.ProjectPath!)), project.ProjectPath);
    }

    [Fact]
    public void A_reference_to_an_unknown_resource_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AppModel([new Resource("a", ResourceKind.Project, 1) { References = ["b"] }]));
        Assert.Contains("'b'", error.Message);
    }

    [Fact]
    public void A_cycle_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AppModel(
        [
            new Resource("a", ResourceKind.Project, 1) { References = ["b"] },
            new Resource("b", ResourceKind.Project, 2) { References = ["a"] },
        ]));
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void Services_get_Aspire_style_addresses_of_their_references_and_only_callers_of_internal_endpoints_get_credentials()
    {
        var orders = ServiceEnvironment.For(_model["orders"], _model, r => $"http://{r.Name}:{r.DefaultPort}", r => "secret-" + r.Name);
        Assert.Equal("orders", orders["OTEL_SERVICE_NAME"]);
        Assert.Equal("http://cart:8001", orders["services__cart__http__0"]);
        Assert.Equal("http://catalog:8000", orders["services__catalog__http__0"]);
        Assert.Equal("http://users:8003", orders["services__users__http__0"]);
        Assert.Equal("orders", orders["ServiceAuth__ClientId"]);
        Assert.Equal("secret-orders", orders["ServiceAuth__ClientSecret"]);

        var catalog = ServiceEnvironment.For(_model["catalog"], _model, r => r.Name, r => "secret-" + r.Name);
        Assert.DoesNotContain("ServiceAuth__ClientSecret", catalog.Keys);
        Assert.DoesNotContain("services__cart__http__0", catalog.Keys);

        var users = ServiceEnvironment.For(_model["users"], _model, r => r.Name, r => "secret-" + r.Name);
        Assert.Equal("secret-orders", users["Users__ServiceClients__orders"]);
        Assert.DoesNotContain(users.Keys, k => k.StartsWith("services__", StringComparison.Ordinal));
    }
}
