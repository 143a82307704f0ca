using Platform.Grains.Webhooks;

namespace Platform.Host.Webhooks;

/// <summary>An endpoint as its tenant sees it: never a secret. <see cref="DisabledReason"/> says why the platform stopped it.</summary>
public sealed record WebhookEndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string Format,
    string Status,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    string? Description,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt)
{
    public static WebhookEndpointResponse From(WebhookEndpointDefinition endpoint, DateTimeOffset now) => new(
        endpoint.Id,
        endpoint.Url,
        endpoint.EventTypes,
        endpoint.Format,
        endpoint.Status,
        endpoint.DisabledReason,
        endpoint.DisabledAt,
        endpoint.Description,
        endpoint.PreviousSecretExpiresAt > now ? endpoint.PreviousSecretExpiresAt : null,
        endpoint.CreatedAt);
}
