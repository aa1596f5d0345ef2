using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProductStore.Storage;

namespace ProductStore.TestSupport;

/// <summary>
/// A service's stores as its own storage registration builds them, on SQLite (a temporary folder) or on Cassandra
/// (a fresh keyspace on the server CASSANDRA_CONTACT_POINTS names), with the start-up migrations run. Contract
/// tests resolve the store interface from it, so each test runs unchanged against both providers.
/// </summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IReadOnlyList<IHostedService> _started;
    private readonly string _dataDirectory;

    private StoreHarness(ServiceProvider provider, IReadOnlyList<IHostedService> started, string dataDirectory)
    {
        _provider = provider;
        _started = started;
        _dataDirectory = dataDirectory;
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public const string NotCompiledIn = "The Cassandra provider is not compiled in: build and test with -p:Cassandra=true.";

    /// <summary>Why no Cassandra server is named for tests, or null when CASSANDRA_CONTACT_POINTS names one.</summary>
    public static string? NoCassandraServer =>
        Environment.GetEnvironmentVariable("CASSANDRA_CONTACT_POINTS") is not { Length: > 0 }
            ? "CASSANDRA_CONTACT_POINTS is not set: start one with scripts/cassandra-local.sh and export what it prints."
            : null;

    /// <summary>Why Cassandra contract tests cannot run for this service, or null when they can.</summary>
    public static string? CassandraUnavailable(ServiceStores stores) =>
        stores.HasCassandra ? NoCassandraServer : NotCompiledIn;

    /// <summary>ConnectionStrings:cassandra for a keyspace of its own on the test server, from the CASSANDRA_* variables.</summary>
    public static string CassandraConnectionString(string keyspace)
    {
        var value = $"Contact Points={Environment.GetEnvironmentVariable("CASSANDRA_CONTACT_POINTS")};Keyspace={keyspace}";
        if (Environment.GetEnvironmentVariable("CASSANDRA_PORT") is { Length: > 0 } port) value += $";Port={port}";
        if (Environment.GetEnvironmentVariable("CASSANDRA_PROTOCOL_VERSION") is { Length: > 0 } protocol) value += $";Protocol Version={protocol}";
        return value;
    }

    /// <summary>A keyspace name no other test run uses: the service's name and a random suffix.</summary>
    public static string FreshKeyspace(string service) => $"test_{service}_{Guid.NewGuid():N}"[..40];

    public static async Task<StoreHarness> StartAsync(string provider, string service,
        ServiceStores stores, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory($"productstore-{service}-store-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:DataDirectory"] = dataDirectory,
        };
        if (provider == StorageOptions.CassandraProvider)
        {
            values["ConnectionStrings:cassandra"] = CassandraConnectionString(FreshKeyspace(service));
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddServiceStorage(configuration, stores);
        var serviceProvider = services.BuildServiceProvider();
        var started = new List<IHostedService>();
        foreach (var hosted in serviceProvider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            started.Add(hosted);
        }
        return new StoreHarness(serviceProvider, started, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _started) await hosted.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
