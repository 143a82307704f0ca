using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// Free loopback ports for hosts and silos. Two silos can bind the same port without an error (SO_REUSEPORT), and the
/// test projects run in parallel processes, so ports are drawn at random from a range below the kernel's ephemeral range
/// (which starts at 32768): asking the kernel for port 0 tends to hand a just-released port to the next process that asks,
/// while a random draw from 12,000 ports makes two processes picking the same one before either binds it very unlikely.
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Count = 12_000;

    public static int Next()
    {
        while (true)
        {
            var port = First + Random.Shared.Next(Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: draw again.
            }
        }
    }
}
