namespace Platform.Host.Authentication;

/// <summary>Claims our authentication handlers issue.</summary>
public static class PlatformClaims
{
    public const string TenantId = "tenant_id";
    public const string KeyId = "key_id";

    /// <summary>One claim per scope of the key.</summary>
    public const string Scope = "scope";
}
