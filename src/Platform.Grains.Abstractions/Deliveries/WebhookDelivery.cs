namespace Platform.Grains.Deliveries;

/// <summary>One tenant event on its way to one endpoint. <see cref="DeliveryId"/> stays the same across every attempt.</summary>
[GenerateSerializer, Immutable, Alias("Platform.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string EndpointId,
    [property: Id(3)] string? EventId,
    [property: Id(4)] string Type,
    [property: Id(5)] string? OrderingKey,
    [property: Id(6)] string Body);
