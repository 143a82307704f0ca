using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Media.Tests;

/// <summary>Plays Meta: customer messages with media in Meta's documented webhook shape, POSTed signed with the app secret.</summary>
public static class MetaWebhook
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient meta, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MediaPlatform.AppSecret), bytes))}");
        return await meta.SendAsync(request);
    }

    /// <summary>One <c>messages</c> change: the customer <paramref name="from"/> sent <paramref name="message"/> to the number.</summary>
    public static string Messages(string phoneNumberId, string from, JsonObject message) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId },
                    ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Kerry Fisher" }, ["wa_id"] = from }),
                    ["messages"] = new JsonArray(message),
                },
            }),
        }),
    }.ToJsonString();

    /// <summary>A media message as Meta documents it: <c>{"type":"image","image":{"caption","mime_type","sha256","id"}}</c>.</summary>
    public static JsonObject Media(
        string wamid, string from, string type, string metaMediaId, string mimeType, string? caption = null, string? filename = null, DateTimeOffset? sentAt = null)
    {
        var media = new JsonObject { ["mime_type"] = mimeType, ["sha256"] = "ignored-by-the-platform", ["id"] = metaMediaId };
        if (caption is not null)
        {
            media["caption"] = caption;
        }

        if (filename is not null)
        {
            media["filename"] = filename;
        }

        return new JsonObject
        {
            ["from"] = from,
            ["id"] = wamid,
            ["timestamp"] = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
            [type] = media,
        };
    }

    public static string NewWamid() => "wamid.HBgL" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'A').Replace('/', 'B');
}
