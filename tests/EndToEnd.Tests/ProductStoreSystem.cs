using ProductStore.TestSupport;
using System.Net.Http.Headers;
using ProductStore.AppHost.Model;
using ProductStore.AppHost.Run;

namespace ProductStore.EndToEnd.Tests;

/// <summary>
/// The real system, started the way <c>dotnet run --project src/AppHost</c> starts it, on free ports with a
/// temporary data folder and short delays. Tests talk to it through the gateway only, unless they say otherwise.
/// </summary>
public sealed class ProductStoreSystem : IAsyncDisposable
{
    public const string AdminEmail = "admin@e2e.productstore.test";
    public const string AdminPassword = "e2e-admin-password-123";

    private readonly AppModel _model = ProductStoreTopology.Create();
    private RunSettings _settings = null!;

    private ProductStoreSystem()
    {
    }

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway => App.EndpointOf("gateway");

    public string DataDirectory => _settings.DataDirectory;

    public static async Task<ProductStoreSystem> StartAsync(Action<SystemOptions>? configure = null)
    {
        var options = new SystemOptions();
        configure?.Invoke(options);
        var system = new ProductStoreSystem();
        system._settings = new RunSettings
        {
            RepositoryRoot = Repository.Root,
            DataDirectory = Path.Combine(Path.GetTempPath(), "productstore-e2e-" + Guid.NewGuid().ToString("N")[..8]),
            Ports = system._model.Resources.ToDictionary(r => r.Name, _ => FreePort.Next()),
            Environment = options.Environment,
            Monitoring = options.Monitoring,
            ScrapeInterval = "1s",
            Telegram = options.Telegram,
            AlertGrouping = options.Monitoring ? "1s" : null,
            StartTimeout = TimeSpan.FromSeconds(90),
            Log = static (_, _) => { },
        };
        system.App = await DistributedApplication.StartAsync(system._model, system._settings, TestContext.Current.CancellationToken);
        return system;
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Stops every process and starts them all again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        App = await DistributedApplication.StartAsync(_model, _settings, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class SystemOptions
{
    public bool Monitoring { get; set; }

    public TelegramSettings? Telegram { get; set; }

    /// <summary>Sets a variable on one service.</summary>
    public void Set(string service, string name, string value)
    {
        if (!Environment.TryGetValue(service, out var variables)) Environment[service] = variables = [];
        variables[name] = value;
    }

    /// <summary>Sets a variable on every service and the gateway.</summary>
    public void ForEveryService(string name, string value)
    {
        foreach (var service in new[] { "users", "catalog", "cart", "orders", "gateway" }) Set(service, name, value);
    }

    /// <summary>Fast defaults for tests: cheap password hashing, a known admin, seconds-long order progress, generous rate limits.</summary>
    public Dictionary<string, Dictionary<string, string>> Environment { get; } = new()
    {
        ["users"] = new()
        {
            ["Users__Password__Iterations"] = "1000",
            ["Users__Admin__Email"] = ProductStoreSystem.AdminEmail,
            ["Users__Admin__Password"] = ProductStoreSystem.AdminPassword,
        },
        ["catalog"] = new() { ["Catalog__Seed__Demo"] = "true" },
        ["orders"] = new()
        {
            ["Orders__Progress__PaymentConfirmed"] = "00:00:01",
            ["Orders__Progress__Shipped"] = "00:00:02",
            ["Orders__Progress__Delivered"] = "00:00:03",
            ["Orders__Progress__PollInterval"] = "00:00:00.200",
        },
        ["gateway"] = new()
        {
            ["Gateway__RateLimits__Default__TokenLimit"] = "100000",
            ["Gateway__RateLimits__Default__TokensPerPeriod"] = "100000",
            ["Gateway__RateLimits__Auth__TokenLimit"] = "1000",
            ["Gateway__RateLimits__Auth__TokensPerPeriod"] = "1000",
        },
    };
}
