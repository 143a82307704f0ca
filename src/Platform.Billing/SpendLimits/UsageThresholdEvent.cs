using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Billing.Pricing;
using Platform.Contracts.TenantEvents;

namespace Platform.Billing.SpendLimits;

/// <summary>
/// The <c>usage.threshold</c> tenant event, in the envelope every tenant event has (<c>id</c>, <c>type</c>,
/// <c>created_at</c>, <c>tenant_id</c>, <c>data</c>). Its id is derived from tenant, month and threshold (a ULID whose
/// random part is a hash), so raising it again yields the same id.
/// </summary>
public static class UsageThresholdEvent
{
    public const string Type = "usage.threshold";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static TenantEventRaised Create(string tenantId, string month, int percent, decimal spent, decimal limit, string currency, DateTimeOffset at)
    {
        // The id's time part is the month's start, not now: raised again later, the event keeps its id.
        var monthStart = DateTimeOffset.ParseExact($"{month}-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var id = DeriveId(monthStart, $"{tenantId}/{Type}/{month}/{percent}");
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["type"] = Type,
            ["created_at"] = at,
            ["tenant_id"] = tenantId,
            ["data"] = new JsonObject
            {
                ["month"] = month,
                ["percent"] = percent,
                ["spent"] = Money.Format(spent),
                ["limit"] = Money.Format(limit),
                ["currency"] = currency,
            },
        };
        return new TenantEventRaised { TenantId = tenantId, EventId = id, CreatedAt = at, Type = Type, Body = envelope.ToJsonString(Json) };
    }

    private static string DeriveId(DateTimeOffset at, string seed)
    {
        Span<byte> ulid = stackalloc byte[16];
        var millis = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds());
        for (var i = 0; i < 6; i++)
        {
            ulid[i] = (byte)(millis >> (8 * (5 - i)));
        }

        SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 10).CopyTo(ulid[6..]);
        var value = new UInt128(BinaryPrimitives.ReadUInt64BigEndian(ulid), BinaryPrimitives.ReadUInt64BigEndian(ulid[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"evt_{new string(chars)}";
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
