namespace Platform.Grains.Audit;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string TenantUpdated = "tenant.updated";
    public const string TenantSuspended = "tenant.suspended";
    public const string TenantResumed = "tenant.resumed";
    public const string TenantClosed = "tenant.closed";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string ApiKeyRotated = "api_key.rotated";
    public const string PhoneNumberRegistered = "phone_number.registered";
    public const string TemplateCreated = "template.created";
    public const string TemplateDeleted = "template.deleted";
    public const string TemplateStatusChanged = "template.status_changed";
    public const string ConsentChanged = "contact.consent_changed";
    public const string ContactErased = "contact.erased";
    public const string RetentionChanged = "settings.retention_changed";

    /// <summary>Who acts when it is not a key: the solution provider, Meta (webhooks), the customer (keywords), the platform (timers).</summary>
    public const string Operator = "operator";
    public const string Meta = "meta";
    public const string Customer = "customer";
    public const string Platform = "platform";
}
