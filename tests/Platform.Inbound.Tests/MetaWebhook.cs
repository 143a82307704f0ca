using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Inbound.Tests;

/// <summary>Plays Meta: builds webhook payloads in Meta's documented shape and POSTs them signed with the app secret.</summary>
public static class MetaWebhook
{
    public static string Sign(byte[] body, string secret = InboundPlatform.AppSecret) =>
        $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}";

    public static Task<HttpResponseMessage> PostAsync(HttpClient meta, string body, string? signature = null) =>
        PostBytesAsync(meta, Encoding.UTF8.GetBytes(body), signature ?? Sign(Encoding.UTF8.GetBytes(body)));

    public static async Task<HttpResponseMessage> PostBytesAsync(HttpClient meta, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await meta.SendAsync(request);
    }

    /// <summary>One <c>messages</c> change for a business number, with customer messages and/or statuses.</summary>
    public static string Messages(string phoneNumberId, JsonArray? messages = null, JsonArray? statuses = null, string profileName = "Kerry Fisher", string waId = "16315551234")
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId },
        };
        if (messages is not null)
        {
            value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = waId });
            value["messages"] = messages;
        }

        if (statuses is not null)
        {
            value["statuses"] = statuses;
        }

        return Envelope(new JsonObject { ["value"] = value, ["field"] = "messages" });
    }

    /// <summary>Meta's envelope around changes, with non-ASCII characters as raw UTF-8 (as Meta's bodies arrive).</summary>
    public static string Envelope(params JsonObject[] changes) => EnvelopeFor("102290129340398", changes);

    /// <summary>The envelope for the WhatsApp Business Account <paramref name="wabaId"/>.</summary>
    public static string EnvelopeFor(string wabaId, params JsonObject[] changes) => Unescape(new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = wabaId,
            ["time"] = 1739321024,
            ["changes"] = new JsonArray([.. changes]),
        }),
    }.ToJsonString());

    /// <summary>Turns the serializer's \uXXXX escapes of non-ASCII characters back into the characters.</summary>
    public static string Unescape(string json) => Regex.Replace(
        json, @"\\u([0-9A-Fa-f]{4})", match => Convert.ToInt32(match.Groups[1].Value, 16) is var unit and >= 0x80 ? ((char)unit).ToString() : match.Value);

    public static JsonObject Text(string wamid, string body, string from = "16315551234", long timestamp = 1739321024) => new()
    {
        ["from"] = from,
        ["id"] = wamid,
        ["timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["text"] = new JsonObject { ["body"] = body },
        ["type"] = "text",
    };

    public static string NewWamid() => "wamid.HBgL" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'A').Replace('/', 'B');

    public static string NewPhoneNumberId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
