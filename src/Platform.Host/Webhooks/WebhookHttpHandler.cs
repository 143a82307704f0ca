using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Host.Webhooks;

/// <summary>
/// The connection handler of webhook deliveries: it resolves the host itself and connects only to public addresses, so a
/// name that resolves to an internal address (or is re-pointed there after registration) is never reached. Redirects are
/// not followed: a redirect could lead anywhere. No proxy either: through a proxy the check would see the proxy's address,
/// not the target's. And no trace headers: traceparent and baggage would hand our internal ids to tenants' servers.
/// </summary>
public static class WebhookHttpHandler
{
    public static SocketsHttpHandler Create(bool allowPrivateNetworks) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = allowPrivateNetworks ? addresses : Array.FindAll(addresses, NetworkAddresses.IsPublic);
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve to a public internet address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
