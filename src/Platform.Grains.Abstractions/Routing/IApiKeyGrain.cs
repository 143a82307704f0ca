namespace Platform.Grains.Routing;

/// <summary>Finds the tenant of an API key fast. Key: the API key's id. Holds only a hash of the secret.</summary>
[Alias("Platform.ApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Binds the key to its tenant; fails if the key id is taken.</summary>
    [Alias("IssueAsync")]
    Task IssueAsync(string tenantId, byte[] secretHash);

    /// <summary>The key's tenant when <paramref name="secretHash"/> matches (compared in constant time), otherwise null.</summary>
    [Alias("AuthenticateAsync")]
    Task<string?> AuthenticateAsync(byte[] secretHash);
}
