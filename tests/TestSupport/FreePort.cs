using System.Net;
using System.Net.Sockets;

namespace ProductStore.TestSupport;

public static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nothing listens on right now, for a process the test starts (or to stand for a service that is
    /// down). Never one handed out before in this test run: the kernel may offer a port again before the process given it
    /// has bound it, and two services on one port answer each other's health checks.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}
