namespace Platform.Host.Webhooks;

/// <summary>
/// Body of <c>POST /v1/webhook-endpoints</c>: the URL, the event types it wants (none: every type), <c>format</c>
/// (<c>platform</c>, the default, or <c>meta</c>) and an optional description.
/// </summary>
public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Format, string? Description);
