namespace Platform.Host.Webhooks;

/// <summary>The tenant's endpoints, oldest first.</summary>
public sealed record WebhookEndpointListResponse(IReadOnlyList<WebhookEndpointResponse> Data);
