using System.Collections.Concurrent;
using System.Net;
using ProductStore.Gateway.Tests.Fakes;

namespace ProductStore.Gateway.Tests;

/// <summary>Two replicas of catalog behind the real gateway, restarted one after the other under load: no request fails.</summary>
public sealed class RollingRestartTests
{
    private const int Workers = 4;

    [Fact]
    public async Task A_rolling_restart_of_two_replicas_under_load_loses_no_request()
    {
        await using var first = new Replica();
        await using var second = new Replica();
        await first.StartAsync();
        await second.StartAsync();
        var services = GatewayFixture.ServiceNames.ToDictionary(name => name, name => (Uri?)(name == "catalog" ? first.Address : EchoService.UnreachableAddress()));
        await using var gateway = new GatewayFactory(services, new() { ["services:catalog:http:1"] = second.Address.ToString() });
        gateway.StartServer();

        var statuses = new ConcurrentQueue<HttpStatusCode>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // bounded, whatever happens
        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            using var client = gateway.CreateClient();
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync("/api/catalog/products", CancellationToken.None);
                statuses.Enqueue(response.StatusCode);
            }
        })).ToList();

        await Task.Delay(300);
        foreach (var replica in new[] { first, second })
        {
            await replica.StopAsync();
            await Task.Delay(300); // traffic while this replica is down
            await replica.StartAsync();
            await Task.Delay(300);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(statuses.Count > 100, $"only {statuses.Count} requests were sent");
        var failed = statuses.Where(s => s != HttpStatusCode.OK).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(failed.Count == 0, $"{failed.Values.Sum()} of {statuses.Count} failed: {string.Join(", ", failed)}");
    }
}
