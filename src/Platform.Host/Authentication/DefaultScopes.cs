namespace Platform.Host.Authentication;

/// <summary>
/// The scopes of portal routes that declare none themselves, so no route is left open to every key: routes the table
/// does not know need <c>admin</c> (deny by default). A route's own <see cref="RequiredScopes"/> always wins.
/// </summary>
internal static class DefaultScopes
{
    private static readonly RequiredScopes AdminOnly = new(ApiScopes.Admin, ApiScopes.Admin);

    private static readonly (string Prefix, RequiredScopes Scopes)[] ByPrefix =
    [
        ("/v1/webhook-dead-letters", new(ApiScopes.WebhooksWrite, ApiScopes.WebhooksWrite)),
        ("/v1/usage", new(ApiScopes.UsageRead, ApiScopes.Admin)),
        ("/v1/invoices", new(ApiScopes.UsageRead, ApiScopes.Admin)),
        ("/v1/conversations", new(ApiScopes.MessagesRead, ApiScopes.MessagesSend)),
    ];

    public static RequiredScopes For(PathString path)
    {
        foreach (var (prefix, scopes) in ByPrefix)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return scopes;
            }
        }

        return AdminOnly;
    }
}
