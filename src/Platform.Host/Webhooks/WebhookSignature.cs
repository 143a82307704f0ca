using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.Webhooks;

/// <summary>
/// The <c>Platform-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, keyed with the UTF-8
/// bytes of the endpoint's secret. The timestamp is signed too, so a receiver can refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Platform-Signature";

    public static string Create(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
