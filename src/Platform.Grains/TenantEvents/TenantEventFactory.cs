using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.TenantEvents;
using Platform.Grains.Identifiers;
using Platform.Grains.Messages;

namespace Platform.Grains.TenantEvents;

/// <summary>
/// Builds tenant events in the shape DESIGN.md fixes (<c>id</c>, <c>type</c>, <c>created_at</c>, <c>tenant_id</c>, <c>data</c>).
/// Event ids derive from the change they report, so a change applied again after a crash yields the same event id and
/// tenants can deduplicate.
/// </summary>
public static class TenantEventFactory
{
    public static TenantEventRaised MessageReceived(MessageRecord message)
    {
        var body = new JsonObject
        {
            ["id"] = message.Id,
            ["wamid"] = message.Wamid,
            ["phone_number_id"] = message.PhoneNumberId,
            ["from"] = message.CustomerWaId,
            ["type"] = message.Type,
            [message.Type] = JsonNode.Parse(message.Content),
            ["context"] = message.Context is null ? null : JsonNode.Parse(message.Context),
            ["referral"] = message.Referral is null ? null : JsonNode.Parse(message.Referral),
            ["timestamp"] = message.CreatedAt,
        };
        return Create(message.TenantId, TenantEventTypes.MessageReceived, message.CreatedAt, message.Id, new JsonObject { ["message"] = body })
            with { OrderingKey = Conversation(message) };
    }

    public static TenantEventRaised MessageStatus(MessageRecord message, MessageStatusEntry status)
    {
        var data = new JsonObject
        {
            ["message_id"] = message.Id,
            ["wamid"] = message.Wamid,
            ["phone_number_id"] = message.PhoneNumberId,
            ["to"] = message.CustomerWaId,
            ["status"] = status.Status,
            ["timestamp"] = status.At,
        };
        if (status.Status == MessageStatuses.Failed && message.Failure is { } failure)
        {
            data["error"] = new JsonObject { ["code"] = failure.Code, ["title"] = failure.Title, ["details"] = failure.Details };
        }

        if (message.Pricing is not null)
        {
            data["pricing"] = JsonNode.Parse(message.Pricing);
        }

        return Create(message.TenantId, TenantEventTypes.MessageStatus, status.At, $"{message.Id}/{status.Status}", data)
            with { OrderingKey = Conversation(message) };
    }

    /// <summary>
    /// A template's review status changed (Meta's <c>message_template_status_update</c>, applied by the template lifecycle).
    /// <paramref name="templateId"/> is ours (<c>tpl_…</c>); <paramref name="reason"/> is Meta's, when given.
    /// </summary>
    public static TenantEventRaised TemplateStatus(
        string tenantId, string templateId, string name, string language, string status, string? reason, DateTimeOffset at) =>
        Create(tenantId, TenantEventTypes.TemplateStatus, at, $"{templateId}/{status}/{at.ToUnixTimeSeconds()}", new JsonObject
        {
            ["template_id"] = templateId,
            ["name"] = name,
            ["language"] = language,
            ["status"] = status,
            ["reason"] = reason,
            ["timestamp"] = at,
        });

    /// <summary>
    /// A customer's consent with the tenant changed: <paramref name="kind"/> and <paramref name="source"/> as the contact
    /// records them (opt_in / opt_out / opt_out_marketing; api / keyword / meta …).
    /// </summary>
    public static TenantEventRaised ContactConsent(
        string tenantId, string waId, string kind, string source, string? phoneNumberId, DateTimeOffset at) =>
        Create(tenantId, TenantEventTypes.ContactConsent, at, $"{waId}/{kind}/{source}/{at.ToUnixTimeMilliseconds()}", new JsonObject
        {
            ["wa_id"] = waId,
            ["consent"] = kind,
            ["source"] = source,
            ["phone_number_id"] = phoneNumberId,
            ["timestamp"] = at,
        }) with { OrderingKey = phoneNumberId is null ? null : $"{phoneNumberId}|{waId}" };

    /// <summary>Meta changed the quality rating or messaging limit of one of the tenant's numbers.</summary>
    public static TenantEventRaised PhoneNumberQuality(
        string tenantId, string? phoneNumberId, string displayPhoneNumber, string qualityEvent, string? currentLimit, DateTimeOffset at) =>
        Create(tenantId, TenantEventTypes.PhoneNumberQuality, at, $"{displayPhoneNumber}/{qualityEvent}/{at.ToUnixTimeSeconds()}", new JsonObject
        {
            ["phone_number_id"] = phoneNumberId,
            ["display_phone_number"] = displayPhoneNumber,
            ["event"] = qualityEvent,
            ["current_limit"] = currentLimit,
            ["timestamp"] = at,
        });

    /// <summary>A test event the tenant asked for, to check an endpoint and its signature check.</summary>
    public static TenantEventRaised WebhookTest(string tenantId, string endpointId, DateTimeOffset at) =>
        Create(tenantId, TenantEventTypes.WebhookTest, at, $"{endpointId}/{at.ToUnixTimeMilliseconds()}/{Guid.NewGuid()}", new JsonObject
        {
            ["endpoint_id"] = endpointId,
            ["message"] = "This is a test event; your endpoint received and (we hope) verified it.",
        });

    private static string Conversation(MessageRecord message) => $"{message.PhoneNumberId}|{message.CustomerWaId}";

    private static TenantEventRaised Create(string tenantId, string type, DateTimeOffset at, string seed, JsonObject data)
    {
        var id = PlatformIds.Derive("evt", at, $"{tenantId}/{type}/{seed}");
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["created_at"] = at,
            ["tenant_id"] = tenantId,
            ["data"] = data,
        };
        return new TenantEventRaised { TenantId = tenantId, EventId = id, CreatedAt = at, Type = type, Body = envelope.ToJsonString(Json) };
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
