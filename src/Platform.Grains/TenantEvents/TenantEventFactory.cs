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
            ["timestamp"] = message.CreatedAt,
        };
        return Create(message.TenantId, TenantEventTypes.MessageReceived, message.CreatedAt, message.Id, new JsonObject { ["message"] = body });
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

        return Create(message.TenantId, TenantEventTypes.MessageStatus, status.At, $"{message.Id}/{status.Status}", data);
    }

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
