namespace Platform.Host.Webhooks;

/// <summary>Body of <c>PATCH /v1/webhook-endpoints/{id}</c>: what is given changes; <c>status</c> is <c>enabled</c> or <c>disabled</c>.</summary>
public sealed record UpdateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Format, string? Status, string? Description);
