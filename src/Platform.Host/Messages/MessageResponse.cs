using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Grains.Messages;

namespace Platform.Host.Messages;

/// <summary>A message as <c>GET /v1/messages/{id}</c> shows it: the type's object sits under the type's name, as in Meta's API.</summary>
public sealed record MessageResponse
{
    public required string Id { get; init; }
    public required string Direction { get; init; }
    public required string PhoneNumberId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    public required string Type { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyList<StatusResponse> Statuses { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Wamid { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorResponse? Error { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Context { get; init; }

    /// <summary>Meta's click-to-WhatsApp <c>referral</c> (the ad or post the customer came from), on inbound messages.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Referral { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the body was removed (the tenant's retention period, or the customer's erasure); absent while kept.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? RedactedAt { get; init; }

    /// <summary>The type's own object under the type's name (<c>"text": {"body": …}</c>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> TypeObject { get; init; } = [];

    public static MessageResponse Of(MessageRecord record)
    {
        var outbound = record.Direction == MessageRecord.Outbound;
        return new MessageResponse
        {
            Id = record.Id,
            Direction = record.Direction,
            PhoneNumberId = record.PhoneNumberId,
            To = outbound ? record.CustomerWaId : null,
            From = outbound ? null : record.CustomerWaId,
            Type = record.Type,
            Status = record.Status,
            Statuses = [.. record.Statuses.Select(entry => new StatusResponse(entry.Status, entry.At))],
            Wamid = record.Wamid,
            Error = record.Failure is { } failure ? new ErrorResponse(failure.Code, failure.Title, failure.Details) : null,
            Context = record.Context is null ? null : JsonDocument.Parse(record.Context).RootElement.Clone(),
            Referral = record.Referral is null ? null : JsonDocument.Parse(record.Referral).RootElement.Clone(),
            CreatedAt = record.CreatedAt,
            RedactedAt = record.RedactedAt,
            TypeObject = new() { [record.Type] = JsonDocument.Parse(record.Content).RootElement.Clone() },
        };
    }
}
