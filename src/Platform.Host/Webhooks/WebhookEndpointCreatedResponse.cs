namespace Platform.Host.Webhooks;

/// <summary>A new webhook endpoint. <see cref="Secret"/> verifies its deliveries' signatures; it is shown in this answer only.</summary>
public sealed record WebhookEndpointCreatedResponse(
    string Id, string Url, IReadOnlyList<string> EventTypes, string Format, string Status, string? Description, string Secret, DateTimeOffset CreatedAt);
