using System.Text.Json;
using Platform.Contracts.Inbound;
using Platform.Grains.Deliveries;
using Platform.Grains.Identifiers;

namespace Platform.Host.Inbound;

/// <summary>
/// Keeps Meta updates for a phone_number_id no tenant holds as inbound dead letters, for the operator to see and replay.
/// The letter's id derives from the updates themselves, so Meta's redeliveries of the same update keep one letter.
/// </summary>
internal static class UnroutedUpdates
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DeadLetter Letter(string phoneNumberId, WhatsAppUpdatesReceived updates, DateTimeOffset at)
    {
        var seed = string.Join(
            ',',
            updates.Messages.Select(message => message.Wamid)
                .Concat(updates.Statuses.Select(status => $"{status.Wamid}/{status.Status}"))
                .Concat(updates.MarketingPreferences.Select(preference => $"{preference.WaId}/{preference.Value}/{preference.Timestamp.ToUnixTimeSeconds()}")));
        var first = updates.Messages.Select(message => message.Timestamp)
            .Concat(updates.Statuses.Select(status => status.Timestamp))
            .Concat(updates.MarketingPreferences.Select(preference => preference.Timestamp))
            .DefaultIfEmpty(at).Min();
        return new DeadLetter
        {
            Partition = DeadLetterPartitions.Inbound,
            Id = PlatformIds.Derive("dli", first, $"{phoneNumberId}/{seed}"),
            Kind = DeadLetterPartitions.InboundKind,
            Reason = $"No tenant holds phone_number_id {phoneNumberId}.",
            CreatedAt = at,
            PhoneNumberId = phoneNumberId,
            Body = JsonSerializer.Serialize(updates, Json),
        };
    }
}
