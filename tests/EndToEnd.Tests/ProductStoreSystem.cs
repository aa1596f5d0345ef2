using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>
/// The real system, started from the AppHost through <c>DistributedApplicationTestingBuilder</c> on free ports with a
/// temporary data folder and short delays. Tests talk to it through the gateway only, unless they say otherwise.
/// </summary>
public sealed class ProductStoreSystem : IAsyncDisposable
{
    public const string AdminEmail = "admin@e2e.productstore.test";
    public const string AdminPassword = "e2e-admin-password-123";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly string[] Services = ["users", "catalog", "cart", "orders", "storefront", "gateway"];

    private readonly string[] _arguments;
    private readonly IReadOnlyList<string> _resources;
    private readonly bool _dashboard;
    private Uri? _front;
    private Func<HttpMessageHandler>? _frontHandler;

    private ProductStoreSystem(string[] arguments, IReadOnlyList<string> resources, string dataDirectory, Uri? dashboard)
    {
        _arguments = arguments;
        _resources = resources;
        DataDirectory = dataDirectory;
        Dashboard = dashboard;
        _dashboard = dashboard is not null;
    }

    /// <summary>The Aspire dashboard, when the options asked for it (the testing builder leaves it out otherwise).</summary>
    public Uri? Dashboard { get; }

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway => Endpoint("gateway");

    /// <summary>Where clients call: the gateway, or a proxy a fixture put in front of it (<see cref="CallThrough"/>).</summary>
    public Uri ApiAddress => _front ?? Gateway;

    public string DataDirectory { get; }

    public static async Task<ProductStoreSystem> StartAsync(Action<SystemOptions>? configure = null)
    {
        var options = new SystemOptions();
        configure?.Invoke(options);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "productstore-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        string[] resources = options.Monitoring ? [.. Services, "prometheus", "alertmanager"] : Services;
        var arguments = new List<string>
        {
            $"--AppHost:DataDirectory={dataDirectory}",
            $"--AppHost:Monitoring={options.Monitoring}",
            "--AppHost:ScrapeInterval=1s",
            "--AppHost:AlertGrouping=1s",
            // The free ports below are the ports the services bind.
            "--DcpPublisher:RandomizePorts=false",
        };
        foreach (var resource in (string[])[.. Services, "gateway-management", "prometheus", "alertmanager"]) arguments.Add($"--Ports:{resource}={FreePort.Next()}");
        if (options.Telegram is { } telegram)
        {
            arguments.Add($"--Telegram:BotToken={telegram.BotToken}");
            arguments.Add($"--Telegram:ChatId={telegram.ChatId}");
            arguments.Add($"--Telegram:ApiUrl={telegram.ApiUrl}");
        }
        foreach (var (service, variables) in options.Environment)
        {
            foreach (var (name, value) in variables) arguments.Add($"--Resources:{service}:Environment:{name}={value}");
        }
        Uri? dashboard = null;
        if (options.Dashboard)
        {
            dashboard = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            arguments.Add($"--ASPNETCORE_URLS={dashboard}");
            arguments.Add($"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}");
            arguments.Add($"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}");
            arguments.Add("--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true");
            arguments.Add("--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true");
        }
        var system = new ProductStoreSystem([.. arguments], resources, dataDirectory, dashboard);
        system.App = await system.StartAppAsync();
        return system;
    }

    public Uri Endpoint(string resource) => App.GetEndpoint(resource, "http");

    /// <summary>Where a process serves /metrics: the gateway on its management listener, every service on its one port.</summary>
    public Uri MetricsEndpoint(string resource) => resource == "gateway" ? App.GetEndpoint(resource, "management") : Endpoint(resource);

    /// <summary>Sends the calls of every later <see cref="CreateClient"/> through a proxy in front of the gateway (prism, checking the contract).</summary>
    public void CallThrough(Uri front, Func<HttpMessageHandler> handler)
    {
        _front = front;
        _frontHandler = handler;
    }

    public HttpClient CreateClient(string? accessToken = null)
    {
        var client = new HttpClient(_frontHandler?.Invoke() ?? new HttpClientHandler()) { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Stops one resource the way the dashboard's Stop button does, and waits until it has exited.</summary>
    public async Task StopResourceAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished], timeout.Token);
    }

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public async Task StartResourceAsync(string resource)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    public bool IsRunning(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running;

    /// <summary>Stops every process and starts them all again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        App = await StartAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task<DistributedApplication> StartAppAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            _arguments, (options, _) => options.DisableDashboard = !_dashboard, timeout.Token);
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            foreach (var resource in _resources) await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} {resource}: {result.Message}");
    }
}

/// <summary>Where Alertmanager sends alerts: a bot token and chat id, and the API address (a stub in tests).</summary>
public sealed record TelegramSettings(string BotToken, long ChatId, string ApiUrl);

public sealed class SystemOptions
{
    public bool Monitoring { get; set; }

    public bool Dashboard { get; set; }

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
