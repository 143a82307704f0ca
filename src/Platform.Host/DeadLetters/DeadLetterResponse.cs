using System.Text.Json;
using Platform.Grains.Deliveries;

namespace Platform.Host.DeadLetters;

/// <summary>A dead letter: what could not be delivered or routed, why, and the payload itself (<see cref="Payload"/>).</summary>
public sealed record DeadLetterResponse(
    string Id,
    string Kind,
    string Reason,
    DateTimeOffset CreatedAt,
    string? EndpointId,
    string? EventType,
    string? EventId,
    string? PhoneNumberId,
    int Attempts,
    int? LastResponseStatus,
    JsonElement? Payload)
{
    public static DeadLetterResponse From(DeadLetter letter) => new(
        letter.Id, letter.Kind, letter.Reason, letter.CreatedAt, letter.EndpointId, letter.Type, letter.EventId, letter.PhoneNumberId,
        letter.Attempts, letter.LastStatusCode, Parse(letter.Body));

    private static JsonElement? Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
