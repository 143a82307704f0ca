namespace Platform.Host.Authentication;

/// <summary>What a tenant's API key may do; <see cref="Admin"/> implies every other scope and manages the tenant's keys.</summary>
public static class ApiScopes
{
    public const string MessagesSend = "messages:send";
    public const string MessagesRead = "messages:read";
    public const string TemplatesRead = "templates:read";
    public const string TemplatesWrite = "templates:write";
    public const string WebhooksWrite = "webhooks:write";
    public const string ContactsRead = "contacts:read";
    public const string ContactsWrite = "contacts:write";
    public const string NumbersWrite = "numbers:write";
    public const string MediaWrite = "media:write";
    public const string UsageRead = "usage:read";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [MessagesSend, MessagesRead, TemplatesRead, TemplatesWrite, WebhooksWrite, ContactsRead, ContactsWrite, NumbersWrite, MediaWrite, UsageRead, Admin];
}
