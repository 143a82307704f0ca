namespace Platform.Host.Webhooks;

/// <summary>Body of <c>POST /v1/webhook-endpoints</c>.</summary>
public sealed record CreateWebhookEndpointRequest(string? Url);
