using System.Net;

namespace Platform.Host.Webhooks;

/// <summary>
/// Checks a webhook URL when a tenant registers it. Host names are checked again when each delivery connects
/// (<see cref="WebhookHttpHandler"/>), because DNS can change between registration and delivery.
/// </summary>
public static class WebhookUrlPolicy
{
    public const int MaxLength = 2048;

    /// <summary>Null when the URL is acceptable; otherwise a sentence saying what is wrong.</summary>
    public static string? Check(string? url, bool allowPrivateNetworks)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "The url is required.";
        }

        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"The url must be an absolute URL of at most {MaxLength} characters.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPrivateNetworks && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "The url must use https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The url must not carry credentials; verify deliveries with the signature instead.";
        }

        if (allowPrivateNetworks)
        {
            return null;
        }

        // "localhost." and "127.0.0.1." name the same hosts as without the dot.
        var host = uri.DnsSafeHost.TrimEnd('.');
        var isPrivate = uri.IsLoopback
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && !NetworkAddresses.IsPublic(address));
        return isPrivate ? "The url must point at a public internet address." : null;
    }
}
