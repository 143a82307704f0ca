namespace Platform.Tenancy.Tests;

/// <summary>Tenant B's resources, which tenant A's key must never reach.</summary>
public sealed record OtherTenant(
    string NumberId, string PhoneNumberId, string TemplateId, string KeyId, string MessageId, string WebhookId, string Customer, string MediaId);
