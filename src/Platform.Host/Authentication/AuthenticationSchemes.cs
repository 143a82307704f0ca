namespace Platform.Host.Authentication;

/// <summary>The two kinds of caller, each with its own scheme and policy of the same name.</summary>
public static class AuthenticationSchemes
{
    /// <summary>The solution provider, on the partner API.</summary>
    public const string Operator = "operator";

    /// <summary>A tenant's API key, on the portal API.</summary>
    public const string TenantKey = "tenant-key";
}
