using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.Webhooks;

/// <summary>
/// The <c>Platform-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, keyed with the UTF-8
/// bytes of the endpoint's secret. The timestamp is signed too, so a receiver can refuse replays of old deliveries. While a
/// secret rotates, each valid secret adds its own <c>v1=</c> part (as Stripe does), so receivers holding either one verify.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Platform-Signature";

    public static string Create(string secret, DateTimeOffset at, string body) => Create([secret], at, body);

    public static string Create(IEnumerable<string> secrets, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{body}");
        var parts = secrets.Select(secret => $"v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}");
        return $"t={timestamp},{string.Join(',', parts)}";
    }

    /// <summary>Meta's form for <c>"format": "meta"</c> endpoints: <c>sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
    public static string CreateMeta(string secret, byte[] body) =>
        $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}";
}
