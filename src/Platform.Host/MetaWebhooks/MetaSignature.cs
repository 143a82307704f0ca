using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.MetaWebhooks;

/// <summary>
/// Checks <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the body keyed with the app secret, in constant
/// time. Meta documents that it signs an escaped-unicode form of the payload (non-ASCII as <c>\uXXXX</c>, lowercase hex,
/// surrogate pairs beyond U+FFFF; maybe <c>/</c> as <c>\/</c>), while the body may arrive as raw UTF-8: the raw bytes are
/// checked first, and the escaped forms only when that fails and the body has something to escape.
/// </summary>
public static class MetaSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string appSecret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(appSecret);
        if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), presented))
        {
            return true;
        }

        var hasNonAscii = body.ContainsAnyExceptInRange((byte)0, (byte)0x7F);
        var hasSlash = body.Contains((byte)'/');
        if (!hasNonAscii && !hasSlash)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(body);
        var matches = false;
        foreach (var escapeSlashes in new[] { false, true })
        {
            if (!escapeSlashes && !hasNonAscii)
            {
                continue;
            }

            // Both forms are always computed, so the time taken does not tell which one matched.
            matches |= CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, Escape(text, escapeSlashes)), presented);
        }

        return matches;
    }

    /// <summary>The body as Meta signs it: every non-ASCII UTF-16 unit as <c>\uxxxx</c>, and <c>/</c> as <c>\/</c> if asked.</summary>
    public static byte[] Escape(string json, bool escapeSlashes)
    {
        var builder = new StringBuilder(json.Length + 64);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c > 0x7F)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (escapeSlashes && c == '/' && (i == 0 || json[i - 1] != '\\'))
            {
                builder.Append("\\/");
            }
            else
            {
                builder.Append(c);
            }
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
