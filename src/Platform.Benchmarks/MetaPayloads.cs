using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Benchmarks;

/// <summary>
/// Meta's webhook POSTs in Meta's documented shape (one <c>whatsapp_business_account</c> entry, <c>messages</c> changes with
/// <c>metadata</c>, <c>contacts</c>, <c>messages</c> or <c>statuses</c>), signed the way Meta signs them.
/// </summary>
internal static class MetaPayloads
{
    private const string WabaId = "102290129340398";
    private const long Timestamp = 1764028800;

    /// <summary><c>X-Hub-Signature-256</c>: the hex HMAC-SHA256 of the raw body keyed with the app secret.</summary>
    public static string Sign(byte[] body) =>
        $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HostUnderTest.AppSecret), body))}";

    /// <summary>One POST holding one change per customer message (Meta batches changes of one account in one entry).</summary>
    public static byte[] CustomerMessages(IEnumerable<(string WaId, string Wamid)> messages) => Envelope(messages.Select(message => Change(
        new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Benchmark Customer" }, ["wa_id"] = message.WaId }),
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from"] = message.WaId,
                ["id"] = message.Wamid,
                ["timestamp"] = Timestamp.ToString(CultureInfo.InvariantCulture),
                ["text"] = new JsonObject { ["body"] = "Hello, is my order on its way?" },
                ["type"] = "text",
            }),
        })));

    /// <summary>One POST with one change holding all <paramref name="statuses"/>, as Meta batches statuses.</summary>
    public static byte[] Statuses(IEnumerable<(string Wamid, string RecipientId, string Status)> statuses) => Envelope([Change(new JsonObject
    {
        ["statuses"] = new JsonArray([.. statuses.Select(status => (JsonNode)new JsonObject
        {
            ["id"] = status.Wamid,
            ["status"] = status.Status,
            ["timestamp"] = Timestamp.ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = status.RecipientId,
            ["conversation"] = new JsonObject { ["id"] = "CONVERSATION_ID", ["origin"] = new JsonObject { ["type"] = "service" } },
            ["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "service" },
        })]),
    })]);

    private static JsonObject Change(JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = "15550100", ["phone_number_id"] = HostUnderTest.SandboxNumber };
        return new JsonObject { ["value"] = value, ["field"] = "messages" };
    }

    private static byte[] Envelope(IEnumerable<JsonObject> changes) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = WabaId,
            ["time"] = Timestamp,
            ["changes"] = new JsonArray([.. changes]),
        }),
    }.ToJsonString());
}
