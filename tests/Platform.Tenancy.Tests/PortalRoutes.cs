namespace Platform.Tenancy.Tests;

/// <summary>Every route of the portal API, with the scope it needs. <see cref="Every_portal_route"/> fails when the host has a route this list lacks.</summary>
public static class PortalRoutes
{
    private const string Missing = "msg_01M8A5T87M2D2DDR0EMH93P8WN";

    public static readonly IReadOnlyList<PortalRoute> All =
    [
        new("POST", "/v1/messages", "messages:send"),
        new("GET", "/v1/messages", "messages:read"),
        new("GET", "/v1/messages/{id}", "messages:read", b => $"/v1/messages/{b.MessageId}"),
        new("POST", "/v1/sandbox/inbound", "messages:send"),
        new("GET", "/v1/conversations/{waId}", "messages:read", b => $"/v1/conversations/{b.Customer}"),
        new("POST", "/v1/webhook-endpoints", "webhooks:write"),
        new("GET", "/v1/webhook-endpoints", "webhooks:write"),
        new("GET", "/v1/webhook-endpoints/{id}", "webhooks:write", b => $"/v1/webhook-endpoints/{b.WebhookId}"),
        new("PATCH", "/v1/webhook-endpoints/{id}", "webhooks:write", b => $"/v1/webhook-endpoints/{b.WebhookId}", new { url = "http://127.0.0.1:9/hook" }),
        new("DELETE", "/v1/webhook-endpoints/{id}", "webhooks:write", b => $"/v1/webhook-endpoints/{b.WebhookId}"),
        new("POST", "/v1/webhook-endpoints/{id}/rotate-secret", "webhooks:write", b => $"/v1/webhook-endpoints/{b.WebhookId}/rotate-secret"),
        new("POST", "/v1/webhook-endpoints/{id}/test", "webhooks:write", b => $"/v1/webhook-endpoints/{b.WebhookId}/test"),
        new("GET", "/v1/webhook-endpoints/{id}/deliveries", "webhooks:write", b => $"/v1/webhook-endpoints/{b.WebhookId}/deliveries"),
        new("GET", "/v1/webhook-dead-letters", "webhooks:write"),
        new("GET", "/v1/webhook-dead-letters/{id}", "webhooks:write", _ => $"/v1/webhook-dead-letters/{Missing}"),
        new("POST", "/v1/webhook-dead-letters/{id}/replay", "webhooks:write", _ => $"/v1/webhook-dead-letters/{Missing}/replay"),
        new("POST", "/v1/webhook-dead-letters/replay", "webhooks:write"),
        new("GET", "/v1/usage", "usage:read"),
        new("GET", "/v1/invoices", "usage:read"),
        new("GET", "/v1/settings/messaging", "contacts:read"),
        new("PUT", "/v1/settings/messaging", "contacts:write"),
        new("GET", "/v1/settings/privacy", "contacts:read"),
        new("PUT", "/v1/settings/privacy", "admin"),
        new("POST", "/v1/api-keys", "admin"),
        new("GET", "/v1/api-keys", "admin"),
        new("DELETE", "/v1/api-keys/{id}", "admin", b => $"/v1/api-keys/{b.KeyId}"),
        new("POST", "/v1/api-keys/{id}/rotate", "admin", b => $"/v1/api-keys/{b.KeyId}/rotate"),
        new("POST", "/v1/phone-numbers", "numbers:write"),
        new("POST", "/v1/phone-numbers/embedded-signup", "numbers:write"),
        new("GET", "/v1/phone-numbers", null),
        new("GET", "/v1/phone-numbers/{id}", null, b => $"/v1/phone-numbers/{b.NumberId}"),
        new("POST", "/v1/templates", "templates:write"),
        new("GET", "/v1/templates", "templates:read"),
        new("GET", "/v1/templates/{id}", "templates:read", b => $"/v1/templates/{b.TemplateId}"),
        new("DELETE", "/v1/templates/{id}", "templates:write", b => $"/v1/templates/{b.TemplateId}"),
        new("POST", "/v1/contacts/{wa_id}/opt-in", "contacts:write", b => $"/v1/contacts/{b.Customer}/opt-in"),
        new("POST", "/v1/contacts/{wa_id}/opt-out", "contacts:write", b => $"/v1/contacts/{b.Customer}/opt-out"),
        new("GET", "/v1/contacts/{wa_id}", "contacts:read", b => $"/v1/contacts/{b.Customer}"),
        new("GET", "/v1/contacts/opted-out", "contacts:read"),
        new("DELETE", "/v1/contacts/{wa_id}", "contacts:write", b => $"/v1/contacts/{b.Customer}"),
        new("POST", "/v1/media", "media:write"),
        new("GET", "/v1/media/{id}", "messages:read", b => $"/v1/media/{b.MediaId}"),
        new("GET", "/v1/media/{id}/metadata", "messages:read", b => $"/v1/media/{b.MediaId}/metadata"),
        new("DELETE", "/v1/media/{id}", "media:write", b => $"/v1/media/{b.MediaId}"),
    ];

    /// <summary>Routes that name a resource by our id: another tenant's id must answer 404.</summary>
    public static IEnumerable<PortalRoute> WithOurIds => All.Where(route => route.OtherTenantPath is not null && route.Template.Contains("{id}", StringComparison.Ordinal));
}
