namespace Platform.Host.Authentication;

/// <summary>Claims our authentication handlers issue.</summary>
public static class PlatformClaims
{
    public const string TenantId = "tenant_id";
    public const string KeyId = "key_id";

    /// <summary>One claim per scope of the key.</summary>
    public const string Scope = "scope";

    /// <summary>The tenant's own per-key rate limit, "permits/burst", when it has one.</summary>
    public const string RateLimit = "rate_limit";
}
