using System.Security.Cryptography;
using Platform.Grains.Conversations;

namespace Platform.Host.Messages;

/// <summary>The <c>Idempotency-Key</c> header: at most 255 printable characters, scoped to the tenant and the endpoint.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The header's value; null when absent; <paramref name="valid"/> false when present but unusable.</summary>
    public static string? Read(HttpRequest request, out bool valid)
    {
        var value = request.Headers[Header].ToString();
        valid = value.Length <= MaxLength && value.All(c => c is >= ' ' and <= '~');
        return value.Length == 0 ? null : value;
    }

    /// <summary>The grain that remembers <paramref name="key"/> of <paramref name="tenantId"/> on <paramref name="endpoint"/>.</summary>
    public static IIdempotencyGrain Grain(IGrainFactory grains, string tenantId, string endpoint, string key) =>
        grains.GetGrain<IIdempotencyGrain>($"{tenantId}|{endpoint}|{key}");

    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
