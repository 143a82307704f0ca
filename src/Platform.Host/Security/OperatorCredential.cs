using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.Security;

/// <summary>The operator's key, held as a hash and compared in constant time.</summary>
public sealed class OperatorCredential(string key)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
