using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.Security;

/// <summary>
/// Encrypts secrets we must read back (webhook signing secrets, Meta access tokens) with AES-256-GCM. The stored form
/// names its key (<c>v1.&lt;key id&gt;.&lt;base64 nonce|ciphertext|tag&gt;</c>), so keys rotate without re-encrypting everything.
/// </summary>
public sealed class SecretProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public SecretProtector(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
    {
        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active key '{activeKeyId}' is not among the keys.", nameof(activeKeyId));
        }

        _keys = keys.ToDictionary(pair => pair.Key, pair => pair.Value.Length == 32
            ? pair.Value
            : throw new ArgumentException($"Secret key '{pair.Key}' must be 32 bytes (base64 of 32 random bytes).", nameof(keys)));
        _activeKeyId = activeKeyId;
    }

    public string Protect(string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), Associated(_activeKeyId));
        return $"{Version}.{_activeKeyId}.{Convert.ToBase64String(sealedBytes)}";
    }

    public string Unprotect(string protectedSecret)
    {
        var parts = protectedSecret.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("The secret was protected with a key this process does not have.");
        }

        var sealedBytes = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], sealedBytes, out var written) || written < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected secret is corrupt.");
        }

        sealedBytes = sealedBytes[..written];
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plaintext, Associated(parts[1]));
        return Encoding.UTF8.GetString(plaintext);
    }

    // The key id is authenticated too, so a stored value cannot be relabelled to another key.
    private static byte[] Associated(string keyId) => Encoding.UTF8.GetBytes(keyId);
}
