namespace Platform.Grains.Routing;

/// <summary>Finds the tenant of an API key fast. Key: the API key's id. Holds only a hash of the secret.</summary>
[Alias("Platform.ApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Binds the key to its tenant with its scopes; fails if the key id is taken.</summary>
    [Alias("IssueWithScopesAsync")]
    Task IssueAsync(string tenantId, byte[] secretHash, string[] scopes);

    /// <summary>The key's tenant and scopes when <paramref name="secretHash"/> matches (compared in constant time) and the key has not expired, otherwise null.</summary>
    [Alias("AuthorizeAsync")]
    Task<ApiKeyGrant?> AuthorizeAsync(byte[] secretHash);

    /// <summary>Makes the key stop working at <paramref name="at"/> (now for a revocation, later for a rotation's grace period).</summary>
    [Alias("ExpireAsync")]
    Task ExpireAsync(DateTimeOffset at);

    /// <summary>Sets the tenant's rate limit this key carries (null: the platform's).</summary>
    [Alias("SetRateLimitAsync")]
    Task SetRateLimitAsync(Tenants.KeyRateLimit? rateLimit);

    /// <summary>When the key was last used, to the minute; null when never.</summary>
    [Alias("GetLastUsedAsync")]
    Task<DateTimeOffset?> GetLastUsedAsync();
}
