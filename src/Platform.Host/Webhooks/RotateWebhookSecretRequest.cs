namespace Platform.Host.Webhooks;

/// <summary>Body of <c>POST /v1/webhook-endpoints/{id}/rotate-secret</c>: how long the previous secret keeps signing (0 to 7 days; default 24 hours).</summary>
public sealed record RotateWebhookSecretRequest(long? ExpiresInSeconds);
