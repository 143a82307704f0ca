namespace Platform.Host.Authentication;

/// <summary>
/// The tenant whose key made this request. Handlers take the tenant from here and never from the request body, so one
/// tenant cannot name another.
/// </summary>
public sealed class CurrentTenant(IHttpContextAccessor accessor)
{
    public string Id => accessor.HttpContext?.User.FindFirst(PlatformClaims.TenantId)?.Value
        ?? throw new InvalidOperationException("No tenant is authenticated on this request.");

    /// <summary>The key that made this request, as the audit log names who acted.</summary>
    public string KeyId => accessor.HttpContext?.User.FindFirst(PlatformClaims.KeyId)?.Value
        ?? throw new InvalidOperationException("No tenant key is authenticated on this request.");
}
