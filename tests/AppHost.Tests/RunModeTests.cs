using ProductStore.TestSupport;
using System.Net;
using System.Net.Sockets;
using ProductStore.AppHost.Model;
using ProductStore.AppHost.Run;

namespace ProductStore.AppHost.Tests;

/// <summary>Run mode on a one-service model: the real Orders build output, started and stopped as the AppHost does it.</summary>
public sealed class RunModeTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "apphost-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _lines = [];

    [Fact]
    public async Task A_service_that_cannot_start_is_named_with_its_last_log_lines()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => DistributedApplication.StartAsync(OrdersOnly(), Settings(port)));

        Assert.Equal("orders", error.Resource);
        Assert.Contains("exited", error.Message);
        Assert.Contains("address already in use", error.RecentOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_ready_service_gets_its_variables_and_stops_cleanly_on_SIGTERM()
    {
        var port = FreePort.Next();
        await using var app = await DistributedApplication.StartAsync(OrdersOnly(), Settings(port));

        using var http = new HttpClient();
        var live = await http.GetAsync(new Uri(app.EndpointOf("orders"), "/health/live"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "orders.sqlite")), "Storage__DataDirectory was not passed on");

        var exitCode = await app.StopResourceAsync("orders");

        Assert.Equal(0, exitCode);
        Assert.False(app.IsRunning("orders"));
        lock (_lines) Assert.Contains(_lines, l => l.Contains("\"service\":\"orders\"", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private static AppModel OrdersOnly() => new([new Resource("orders", ResourceKind.Project, 0) { ProjectPath = "src/Orders/Orders.csproj" }]);

    private RunSettings Settings(int port) => new()
    {
        RepositoryRoot = RunSettings.FindRepositoryRoot(),
        DataDirectory = _dataDirectory,
        Ports = new() { ["orders"] = port },
        Monitoring = false,
        StartTimeout = TimeSpan.FromSeconds(30),
        Log = (_, line) => { lock (_lines) _lines.Add(line); },
    };
}
