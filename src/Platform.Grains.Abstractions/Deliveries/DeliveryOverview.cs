namespace Platform.Grains.Deliveries;

/// <summary>
/// An endpoint's retry backlog: deliveries waiting (in grain state and spilled to the pending table) and since when every
/// attempt has failed. The attempts themselves are read from the attempt store.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.DeliveryOverview")]
public sealed record DeliveryOverview(
    [property: Id(1)] int Pending,
    [property: Id(2)] DateTimeOffset? FailingSince);
