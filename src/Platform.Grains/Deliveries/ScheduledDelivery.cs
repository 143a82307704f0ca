namespace Platform.Grains.Deliveries;

/// <summary>A delivery waiting in an endpoint's schedule. Stored as a wire format: never renumber an [Id].</summary>
[GenerateSerializer, Immutable, Alias("Platform.ScheduledDelivery")]
public sealed record ScheduledDelivery(
    [property: Id(0)] WebhookDelivery Delivery,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTimeOffset? FirstAttemptAt,
    [property: Id(3)] DateTimeOffset NextAttemptAt,
    [property: Id(4)] int? LastStatusCode);
