using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductStore.AppHost.Hosting;

/// <summary>
/// Healthy when the node answers a CQL OPTIONS request with SUPPORTED (native protocol v3, the version every Cassandra
/// from 2.1 on speaks): the node is up and accepting CQL clients, not merely listening.
/// </summary>
public sealed class CqlHealthCheck(string host, int port) : IHealthCheck
{
    private const byte ResponseV3 = 0x83;
    private const byte Options = 0x05;
    private const byte Supported = 0x06;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            // Frame header: version 3, no flags, stream 0, opcode, empty body.
            await stream.WriteAsync(new byte[] { 0x03, 0x00, 0x00, 0x00, Options, 0, 0, 0, 0 }, timeout.Token);
            var header = new byte[9];
            await stream.ReadExactlyAsync(header, timeout.Token);
            return header[0] == ResponseV3 && header[4] == Supported
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"CQL answered opcode 0x{header[4]:x2}, not SUPPORTED");
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"no CQL answer at {host}:{port}: {e.Message}");
        }
    }
}
