namespace Platform.Host.Webhooks;

/// <summary>A new webhook endpoint. <see cref="Secret"/> verifies its deliveries' signatures; it is shown in this answer only.</summary>
public sealed record WebhookEndpointCreatedResponse(string Id, string Url, string Secret, DateTimeOffset CreatedAt);
