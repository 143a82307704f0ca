namespace Platform.Grains.TenantEvents;

/// <summary>The event types tenants' webhook endpoints receive (docs/webhooks.md shows each).</summary>
public static class TenantEventTypes
{
    public const string MessageReceived = "message.received";
    public const string MessageStatus = "message.status";
    public const string TemplateStatus = "template.status";
    public const string ContactConsent = "contact.consent";
    public const string PhoneNumberQuality = "phone_number.quality";

    /// <summary>Sent only when the tenant asks for a test delivery to one endpoint.</summary>
    public const string WebhookTest = "webhook.test";

    /// <summary>The types an endpoint may filter on.</summary>
    public static readonly IReadOnlyList<string> All = [MessageReceived, MessageStatus, TemplateStatus, ContactConsent, PhoneNumberQuality, WebhookTest];
}
