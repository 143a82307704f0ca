using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Grains.Identifiers;

/// <summary>
/// Our external ids: a prefix naming the kind (<c>msg_</c>, <c>evt_</c>, …) and a ULID (48-bit millisecond time, 80 bits of
/// entropy, Crockford base32), so ids sort by creation time and make good Azure Table row keys.
/// </summary>
public static class PlatformIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random id.</summary>
    public static string New(string prefix, DateTimeOffset at)
    {
        Span<byte> entropy = stackalloc byte[10];
        RandomNumberGenerator.Fill(entropy);
        return Format(prefix, at, entropy);
    }

    /// <summary>
    /// The same id every time for the same prefix, time and seed: a redelivered webhook or a replayed change yields the id
    /// it had the first time, so records and tenant events deduplicate.
    /// </summary>
    public static string Derive(string prefix, DateTimeOffset at, string seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(seed), hash);
        return Format(prefix, at, hash[..10]);
    }

    private static string Format(string prefix, DateTimeOffset at, ReadOnlySpan<byte> entropy)
    {
        Span<byte> ulid = stackalloc byte[16];
        var millis = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds());
        for (var i = 0; i < 6; i++)
        {
            ulid[i] = (byte)(millis >> (8 * (5 - i)));
        }

        entropy.CopyTo(ulid[6..]);
        return $"{prefix}_{EncodeBase32(ulid)}";
    }

    private static string EncodeBase32(ReadOnlySpan<byte> bytes)
    {
        // 128 bits in 26 characters: the first character carries the top 3 bits, every other one 5 bits.
        var value = new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
