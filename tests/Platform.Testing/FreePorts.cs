using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// Free loopback ports for silos: two silos can bind the same port without an error (SO_REUSEPORT), so every host a
/// test starts gets its own.
/// </summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
