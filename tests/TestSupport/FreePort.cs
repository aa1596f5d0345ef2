using System.Net;
using System.Net.Sockets;

namespace ProductStore.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now, for a process the test starts (or to stand for a service that is down).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
