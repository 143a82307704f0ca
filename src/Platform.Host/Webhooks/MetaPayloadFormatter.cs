using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Grains.TenantEvents;

namespace Platform.Host.Webhooks;

/// <summary>
/// Rewrites a tenant event into Meta's webhook shape for <c>"format": "meta"</c> endpoints, so code written against the Cloud
/// API keeps working: <c>object</c>, <c>entry[].changes[]</c> with <c>field</c> and <c>value</c>. Statuses name the message by
/// our id (what our Cloud-API-compatible endpoint answered the send with); customer messages keep Meta's wamid, which is
/// what a reply's <c>context.message_id</c> and a read receipt name.
/// </summary>
public static class MetaPayloadFormatter
{
    /// <summary>The event types that have a Meta form; endpoints in Meta's format receive only these.</summary>
    public static bool Supports(string type) =>
        type is TenantEventTypes.MessageReceived or TenantEventTypes.MessageStatus or TenantEventTypes.TemplateStatus or TenantEventTypes.WebhookTest;

    /// <summary>The Meta-shaped body, or null when the event has no Meta form.</summary>
    public static string? Format(string type, string tenantEvent)
    {
        if (JsonNode.Parse(tenantEvent) is not JsonObject envelope || envelope["data"] is not JsonObject data)
        {
            return null;
        }

        var change = type switch
        {
            TenantEventTypes.MessageReceived when data["message"] is JsonObject message => Messages(message),
            TenantEventTypes.MessageStatus => Status(data),
            TenantEventTypes.TemplateStatus => Template(data),
            TenantEventTypes.WebhookTest => Test(Unix(envelope["created_at"])),
            _ => null,
        };
        if (change is null)
        {
            return null;
        }

        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = envelope["tenant_id"]?.DeepClone(),
                ["changes"] = new JsonArray(change),
            }),
        };
        return root.ToJsonString();
    }

    private static JsonObject Messages(JsonObject message)
    {
        var type = message["type"]?.GetValue<string>() ?? "unknown";
        var from = message["from"]?.DeepClone();
        var meta = new JsonObject
        {
            ["from"] = from,
            ["id"] = message["wamid"]?.DeepClone(),
            ["timestamp"] = Unix(message["timestamp"]),
            ["type"] = type,
        };
        if (message["context"] is JsonObject context)
        {
            meta["context"] = context.DeepClone();
        }

        meta[type] = message[type]?.DeepClone();
        return Change("messages", message["phone_number_id"], new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = from?.DeepClone() }),
            ["messages"] = new JsonArray(meta),
        });
    }

    private static JsonObject Status(JsonObject data)
    {
        var status = new JsonObject
        {
            ["id"] = data["message_id"]?.DeepClone(),
            ["status"] = data["status"]?.DeepClone(),
            ["timestamp"] = Unix(data["timestamp"]),
            ["recipient_id"] = data["to"]?.DeepClone(),
        };
        if (data["pricing"] is JsonObject pricing)
        {
            status["pricing"] = pricing.DeepClone();
        }

        if (data["error"] is JsonObject error)
        {
            status["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = error["code"]?.DeepClone(),
                ["title"] = error["title"]?.DeepClone(),
                ["error_data"] = new JsonObject { ["details"] = error["details"]?.DeepClone() },
            });
        }

        return Change("messages", data["phone_number_id"], new JsonObject { ["statuses"] = new JsonArray(status) });
    }

    private static JsonObject Template(JsonObject data) => new()
    {
        ["field"] = "message_template_status_update",
        ["value"] = new JsonObject
        {
            ["event"] = data["status"]?.DeepClone(),
            ["message_template_id"] = data["template_id"]?.DeepClone(),
            ["message_template_name"] = data["name"]?.DeepClone(),
            ["message_template_language"] = data["language"]?.DeepClone(),
            ["reason"] = data["reason"]?.DeepClone(),
        },
    };

    // Meta's dashboard "Test" button sends a sample text message; this is ours.
    private static JsonObject Test(string? timestamp) => Change("messages", "0", new JsonObject
    {
        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "test user name" }, ["wa_id"] = "16315551181" }),
        ["messages"] = new JsonArray(new JsonObject
        {
            ["from"] = "16315551181",
            ["id"] = "wamid.TEST",
            ["timestamp"] = timestamp,
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "this is a text message" },
        }),
    });

    private static JsonObject Change(string field, JsonNode? phoneNumberId, JsonObject value)
    {
        var full = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "", ["phone_number_id"] = phoneNumberId?.DeepClone() },
        };
        foreach (var (name, node) in value.ToList())
        {
            value.Remove(name);
            full[name] = node;
        }

        return new JsonObject { ["value"] = full, ["field"] = field };
    }

    private static string? Unix(JsonNode? timestamp) =>
        timestamp is JsonValue value && value.TryGetValue<DateTimeOffset>(out var at)
            ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : timestamp?.ToJsonString(new JsonSerializerOptions()).Trim('"');
}
