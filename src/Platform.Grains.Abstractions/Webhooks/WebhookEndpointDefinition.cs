namespace Platform.Grains.Webhooks;

/// <summary>
/// A URL that receives a tenant's events. Secrets are held encrypted; while a secret rotates, the previous one signs too
/// until <see cref="PreviousSecretExpiresAt"/>. <see cref="EventTypes"/> empty means every type.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.WebhookEndpointDefinition")]
public sealed record WebhookEndpointDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> EventTypes,
    [property: Id(3)] string Format,
    [property: Id(4)] string ProtectedSecret,
    [property: Id(5)] string? ProtectedPreviousSecret,
    [property: Id(6)] DateTimeOffset? PreviousSecretExpiresAt,
    [property: Id(7)] string Status,
    [property: Id(8)] string? DisabledReason,
    [property: Id(9)] DateTimeOffset? DisabledAt,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] string? Description)
{
    public bool IsEnabled => Status == WebhookEndpointStatuses.Enabled;

    /// <summary>Whether the endpoint asked for events of this type.</summary>
    public bool Wants(string type) => EventTypes.Count == 0 || EventTypes.Contains(type);
}
