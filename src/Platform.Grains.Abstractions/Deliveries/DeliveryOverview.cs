namespace Platform.Grains.Deliveries;

/// <summary>What the tenant sees of an endpoint's deliveries: the latest attempts and the retry backlog.</summary>
[GenerateSerializer, Immutable, Alias("Platform.DeliveryOverview")]
public sealed record DeliveryOverview(
    [property: Id(0)] IReadOnlyList<DeliveryAttempt> Recent,
    [property: Id(1)] int Pending,
    [property: Id(2)] DateTimeOffset? FailingSince);
