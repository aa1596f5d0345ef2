using System.Reflection;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>One running system per test class, with the default test settings; a test may restart it.</summary>
public class SystemFixture : IAsyncLifetime
{
    private ProductStoreSystem? _system;

    /// <summary>The running system; skips the test when this fixture's system cannot run here.</summary>
    public ProductStoreSystem System
    {
        get
        {
            if (Unavailable is { } reason) Assert.Skip(reason);
            return _system!;
        }
    }

    /// <summary>Why this system cannot run here, or null.</summary>
    protected virtual string? Unavailable => null;

    protected virtual void Configure(SystemOptions options)
    {
    }

    /// <summary>Runs once the system is up, e.g. to put a proxy in front of it.</summary>
    protected virtual Task StartedAsync(ProductStoreSystem system) => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        if (Unavailable is not null) return;
        _system = await ProductStoreSystem.StartAsync(Configure);
        await StartedAsync(_system);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}

/// <summary>
/// The system with every service on Cassandra, each in a fresh keyspace of the server CASSANDRA_CONTACT_POINTS
/// names. Runs only when this build has the provider (-p:Cassandra=true builds the services and the tests alike).
/// </summary>
public sealed class CassandraSystemFixture : SystemFixture
{
    private static readonly bool BuiltWithCassandra = typeof(CassandraSystemFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Any(a => a is { Key: "Cassandra", Value: "true" });

    protected override string? Unavailable => BuiltWithCassandra ? StoreHarness.NoCassandraServer : StoreHarness.NotCompiledIn;

    protected override void Configure(SystemOptions options)
    {
        foreach (var service in new[] { "users", "catalog", "cart", "orders" })
        {
            options.Set(service, "Storage__Provider", "cassandra");
            options.Set(service, "ConnectionStrings__cassandra", StoreHarness.CassandraConnectionString(StoreHarness.FreshKeyspace(service)));
        }
    }
}
