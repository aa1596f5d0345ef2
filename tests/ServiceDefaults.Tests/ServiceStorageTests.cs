using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.Storage;

namespace ProductStore.ServiceDefaults.Tests;

public class ServiceStorageTests
{
    private const string Service = "ServiceDefaults.Tests";

    // Stores without a Cassandra registration, like a service built without -p:Cassandra=true.
    private static ServiceStores WithoutCassandra(Action<IServiceCollection>? addSqlite = null) =>
        new(Service, addSqlite ?? (_ => { }), AddCassandra: null);

    private static (ServiceCollection Services, bool SqliteAdded) Register(string? provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = provider }).Build();
        var services = new ServiceCollection();
        var sqliteAdded = false;
        services.AddServiceStorage(configuration, WithoutCassandra(_ => sqliteAdded = true));
        return (services, sqliteAdded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sqlite")]
    [InlineData(" SQLite ")]
    public void SQLite_is_the_default_and_may_be_named(string? provider) =>
        Assert.True(Register(provider).SqliteAdded);

    [Fact]
    public void Asking_for_Cassandra_in_a_build_without_it_fails_saying_how_to_build_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Register("cassandra"));

        Assert.Contains("has no Cassandra provider", error.Message);
        Assert.Contains(Service, error.Message);
        Assert.Contains("-p:Cassandra=true", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Register("postgres"));

        Assert.Contains("'postgres' is unknown", error.Message);
    }

    [Fact]
    public void Whether_a_build_has_Cassandra_stores_is_read_from_its_registration() =>
        Assert.False(WithoutCassandra().HasCassandra);
}

public class StorageInitializationOrderTests
{
    [Fact]
    public async Task Storage_is_initialized_before_hosted_services_added_earlier_start()
    {
        var events = new List<string>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHostedService(_ => new RecordingHostedService(events));
        builder.Services.AddStorageInitializer(_ => new RecordingInitializer(events));
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["storage initialized", "hosted service started"], events);
    }

    private sealed class RecordingInitializer(List<string> events) : IStorageInitializer
    {
        public Task InitializeAsync(CancellationToken cancellationToken)
        {
            events.Add("storage initialized");
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHostedService(List<string> events) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            events.Add("hosted service started");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
