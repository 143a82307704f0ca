namespace Platform.Grains.Tenants;

/// <summary>A URL that receives a tenant's events. The signing secret is held encrypted (<see cref="ProtectedSecret"/>).</summary>
[GenerateSerializer, Immutable, Alias("Platform.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string ProtectedSecret,
    [property: Id(3)] DateTimeOffset CreatedAt);
