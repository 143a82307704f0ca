using System.Security.Cryptography;
using System.Text;

namespace Platform.Testing;

/// <summary>Verifies a <c>Platform-Signature</c> the way a tenant's server would, independently of the platform's code.</summary>
public static class Signatures
{
    public static bool IsValid(ReceivedWebhook webhook, string secret)
    {
        var parts = webhook.Headers["Platform-Signature"].Split(',').Select(part => part.Split('=', 2)).ToArray();
        var timestamp = parts.Single(part => part[0] == "t")[1];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{webhook.Body}"));
        return parts.Where(part => part[0] == "v1")
            .Any(part => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(part[1]), expected));
    }
}
