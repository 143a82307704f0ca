namespace Platform.Grains.Deliveries;

/// <summary>
/// One attempt to deliver: what the endpoint answered (<see cref="StatusCode"/>, null when no answer came), how long it took,
/// what it answered (<see cref="ResponseExcerpt"/>, the start of the body), and what that means (<see cref="DeliveryOutcomes"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.DeliveryAttempt")]
public sealed record DeliveryAttempt(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string? EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] int Number,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] int? StatusCode,
    [property: Id(6)] long LatencyMs,
    [property: Id(7)] string Outcome,
    [property: Id(8)] string? Error,
    [property: Id(9)] string? ResponseExcerpt = null);
