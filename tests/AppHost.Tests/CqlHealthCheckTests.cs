using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductStore.AppHost.Hosting;

namespace ProductStore.AppHost.Tests;

/// <summary>The Cassandra resource's readiness: a CQL OPTIONS request answered SUPPORTED, against a fake node.</summary>
public sealed class CqlHealthCheckTests
{
    [Fact]
    public async Task A_node_that_answers_SUPPORTED_is_healthy()
    {
        var node = FakeNode(response: [0x83, 0, 0, 0, 0x06, 0, 0, 0, 0], out var port);
        Assert.Equal(HealthStatus.Healthy, (await Check(port)).Status);
        Assert.Equal([0x03, 0, 0, 0, 0x05, 0, 0, 0, 0], await node);
    }

    [Fact]
    public async Task A_node_that_answers_an_error_is_unhealthy()
    {
        var node = FakeNode(response: [0x83, 0, 0, 0, 0x00, 0, 0, 0, 0], out var port);
        var result = await Check(port);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("0x00", result.Description);
    }

    [Fact]
    public async Task Nothing_listening_is_unhealthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.Equal(HealthStatus.Unhealthy, (await Check(port)).Status);
    }

    private static Task<HealthCheckResult> Check(int port) =>
        new CqlHealthCheck("127.0.0.1", port).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    /// <summary>Accepts one connection, reads a 9-byte frame, answers <paramref name="response"/>; the task gives the frame read.</summary>
    private static Task<byte[]> FakeNode(byte[] response, out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return Task.Run(async () =>
        {
            using (listener.Server)
            using (var client = await listener.AcceptTcpClientAsync())
            {
                var frame = new byte[9];
                await client.GetStream().ReadExactlyAsync(frame);
                await client.GetStream().WriteAsync(response);
                return frame;
            }
        });
    }
}
