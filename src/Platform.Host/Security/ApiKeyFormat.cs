using System.Security.Cryptography;
using System.Text;
using Platform.Grains.Identifiers;

namespace Platform.Host.Security;

/// <summary>
/// Tenant API keys: <c>sk_&lt;key id&gt;_&lt;64 hex chars&gt;</c>. The key id in the clear lets us find the key's grain without a
/// scan; the 256-bit random part is the secret, of which only a SHA-256 hash is stored.
/// </summary>
public static class ApiKeyFormat
{
    private const string KeyPrefix = "sk_";
    private const string IdPrefix = "key";

    public static (string KeyId, string Secret) Issue(DateTimeOffset at)
    {
        var keyId = PlatformIds.New(IdPrefix, at);
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{KeyPrefix}{keyId[(IdPrefix.Length + 1)..]}_{random}");
    }

    /// <summary>The key id a presented key claims, or null when it is not shaped like one of our keys.</summary>
    public static string? KeyIdOf(string presented)
    {
        var parts = presented.Split('_');
        return parts is [_, { Length: 26 } id, { Length: 64 }] && presented.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? $"{IdPrefix}_{id}"
            : null;
    }

    public static byte[] Hash(string presented) => SHA256.HashData(Encoding.UTF8.GetBytes(presented));
}
