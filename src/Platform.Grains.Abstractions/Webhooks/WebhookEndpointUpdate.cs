namespace Platform.Grains.Webhooks;

/// <summary>A change to an endpoint: null leaves a field as it is. Enabling again clears the reason it was disabled.</summary>
[GenerateSerializer, Immutable, Alias("Platform.WebhookEndpointUpdate")]
public sealed record WebhookEndpointUpdate(
    [property: Id(0)] string? Url,
    [property: Id(1)] IReadOnlyList<string>? EventTypes,
    [property: Id(2)] string? Format,
    [property: Id(3)] string? Status,
    [property: Id(4)] string? Description);
