using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Tests;

/// <summary>Who gets which variable: addresses of references, storage, and secrets only where they are used.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EnvironmentTests
{
    [Fact]
    public async Task Services_get_Aspire_addresses_of_exactly_their_references()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        var orders = await builder.EnvironmentAsync("orders");
        Assert.Equal(["services__cart__http__0", "services__catalog__http__0", "services__users__http__0"],
            orders.Keys.Where(k => k.StartsWith("services__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("catalog", Assert.IsType<EndpointReference>(orders["services__catalog__http__0"]).Resource.Name);
        Assert.DoesNotContain((await builder.EnvironmentAsync("users")).Keys, k => k.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_orders_and_users_share_the_service_client_secret_made_for_this_run()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        var orders = await builder.EnvironmentAsync("orders");
        var users = await builder.EnvironmentAsync("users");
        var secret = Assert.IsType<ParameterResource>(orders["ServiceAuth__ClientSecret"]);
        Assert.True(secret.Secret);
        Assert.Same(secret, users["Users__ServiceClients__orders"]);
        Assert.Matches("^[0-9A-F]{64}$", await secret.GetValueAsync(TestContext.Current.CancellationToken));
        foreach (var other in new[] { "catalog", "cart", "gateway" })
            Assert.DoesNotContain((await builder.EnvironmentAsync(other)).Values, v => v is ParameterResource);
    }

    [Fact]
    public async Task The_admin_password_reaches_users_only_and_no_child_process_inherits_it()
    {
        Environment.SetEnvironmentVariable("Users__Admin__Password", "inherited-admin-password-1");
        try
        {
            using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

            Assert.Null(Environment.GetEnvironmentVariable("Users__Admin__Password"));
            var password = Assert.IsType<ParameterResource>((await builder.EnvironmentAsync("users"))["Users__Admin__Password"]);
            Assert.True(password.Secret);
            Assert.Equal("inherited-admin-password-1", await password.GetValueAsync(TestContext.Current.CancellationToken));
            foreach (var other in new[] { "catalog", "cart", "orders", "gateway" })
                Assert.DoesNotContain("Users__Admin__Password", (await builder.EnvironmentAsync(other)).Keys);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Users__Admin__Password", null);
        }
    }

    [Fact]
    public async Task In_run_mode_the_gateway_believes_forwarded_addresses_from_loopback_where_the_storefront_runs_and_the_storefront_from_the_gateway()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        Assert.Equal("127.0.0.1", (await builder.EnvironmentAsync("gateway"))["Gateway__KnownProxies__0"]);
        Assert.Equal("127.0.0.1", (await builder.EnvironmentAsync("storefront"))["Storefront__KnownProxies__0"]);
        foreach (var service in new[] { "catalog", "cart", "orders" })
            Assert.DoesNotContain((await builder.EnvironmentAsync(service)).Keys, k => k.Contains("KnownProxies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deployments_give_the_gateway_and_the_storefront_one_proxy_secret_and_the_storefront_a_key_ring_secret()
    {
        using var builder = await AppHostModel.BuildAsync("--operation", "publish");

        var gateway = await builder.EnvironmentAsync("gateway", DistributedApplicationOperation.Publish);
        var storefront = await builder.EnvironmentAsync("storefront", DistributedApplicationOperation.Publish);
        var proxySecret = Assert.IsType<ParameterResource>(gateway["Gateway__ProxySecret"]);
        Assert.True(proxySecret.Secret);
        Assert.Same(proxySecret, storefront["Storefront__ProxySecret"]);
        Assert.True(Assert.IsType<ParameterResource>(storefront["Storefront__KeyRingSecret"]).Secret);
        Assert.DoesNotContain(gateway.Keys, k => k.Contains("KnownProxies", StringComparison.Ordinal) || k.Contains("KeyRing", StringComparison.Ordinal));
        Assert.DoesNotContain(storefront.Keys, k => k.Contains("KnownProxies", StringComparison.Ordinal) || k == "Storage__DataDirectory");
        foreach (var other in new[] { "users", "catalog", "cart", "orders" })
            Assert.DoesNotContain((await builder.EnvironmentAsync(other, DistributedApplicationOperation.Publish)).Keys,
                k => k.Contains("ProxySecret", StringComparison.Ordinal) || k.Contains("KeyRingSecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_mode_keeps_the_key_ring_in_the_data_folder_and_trusts_by_address_with_no_deployment_secret()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false");

        var storefront = await builder.EnvironmentAsync("storefront");
        Assert.Contains("Storage__DataDirectory", storefront.Keys);
        Assert.DoesNotContain(storefront.Keys, k => k.EndsWith("Secret", StringComparison.Ordinal));
        Assert.DoesNotContain((await builder.EnvironmentAsync("gateway")).Keys, k => k.EndsWith("Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(builder.Resources, r => r.Name is "proxy-secret" or "storefront-key-ring-secret");
    }

    [Fact]
    public async Task SQLite_is_the_default_and_the_gateway_has_no_storage()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false", "--AppHost:DataDirectory=/tmp/apphost-test-data");

        // The storefront has no database, but its key ring lives in the data folder too.
        foreach (var service in new[] { "users", "catalog", "cart", "orders", "storefront" })
            Assert.Equal("/tmp/apphost-test-data", (await builder.EnvironmentAsync(service))["Storage__DataDirectory"]);
        Assert.DoesNotContain("Storage__DataDirectory", (await builder.EnvironmentAsync("gateway")).Keys);
        Assert.DoesNotContain(builder.Resources, r => r.Name == "cassandra");
    }

    [Fact]
    public async Task With_storage_cassandra_the_services_wait_for_a_local_node_and_get_its_connection_string()
    {
        using var builder = await AppHostModel.BuildAsync("--AppHost:Monitoring=false", "--storage", "cassandra");

        var cassandra = Assert.IsType<LocalCassandraResource>(builder.Resource("cassandra"));
        Assert.Equal(["scripts/cassandra-local.sh", "run"], (await ArgsAsync(cassandra)).Select(a => a.ToString()));
        Assert.Contains("Protocol Version=3", await cassandra.ConnectionStringExpression.GetValueAsync(TestContext.Current.CancellationToken));
        foreach (var service in new[] { "users", "catalog", "cart", "orders" })
        {
            var environment = await builder.EnvironmentAsync(service);
            Assert.Equal("cassandra", environment["Storage__Provider"]);
            Assert.Same(cassandra, Assert.IsType<ConnectionStringReference>(environment["ConnectionStrings__cassandra"]).Resource);
            Assert.Contains("cassandra", builder.Resource(service).AwaitedNames());
        }
        Assert.DoesNotContain("cassandra", builder.Resource("gateway").AwaitedNames());
    }

    private static async Task<List<object>> ArgsAsync(IResource resource)
    {
        var args = new List<object>();
        var context = new CommandLineArgsCallbackContext(args);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>()) await callback.Callback(context);
        return args;
    }
}

/// <summary>Tests that change this process's environment run one at a time.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
