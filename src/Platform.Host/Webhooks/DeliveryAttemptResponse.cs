using Platform.Grains.Deliveries;

namespace Platform.Host.Webhooks;

/// <summary>
/// One attempt: the endpoint's answer (<see cref="ResponseStatus"/> null when none came; <see cref="ResponseBody"/> its first
/// kilobyte), latency and outcome.
/// </summary>
public sealed record DeliveryAttemptResponse(
    string DeliveryId, string? EventId, string EventType, int Attempt, DateTimeOffset At, int? ResponseStatus, long LatencyMs, string Outcome,
    string? Error, string? ResponseBody)
{
    public static DeliveryAttemptResponse From(DeliveryAttempt attempt) => new(
        attempt.DeliveryId, attempt.EventId, attempt.Type, attempt.Number, attempt.At, attempt.StatusCode, attempt.LatencyMs, attempt.Outcome,
        attempt.Error, attempt.ResponseExcerpt);
}
