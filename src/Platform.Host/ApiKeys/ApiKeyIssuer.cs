using Platform.Grains.Audit;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.Audit;
using Platform.Host.Security;

namespace Platform.Host.ApiKeys;

/// <summary>Issues a tenant's API keys, for the operator (the first key, with <c>admin</c>) and for the tenant's own admin keys.</summary>
public sealed class ApiKeyIssuer(IGrainFactory grains, AuditTrail audit, TimeProvider time)
{
    public async Task<(ApiKeySummary Key, string Secret)> IssueAsync(string tenantId, string name, string[] scopes)
    {
        var now = time.GetUtcNow();
        var (keyId, secret) = ApiKeyFormat.Issue(now);
        var summary = new ApiKeySummary(keyId, now) { Name = name, Scopes = scopes };

        // Listed before it works: a key the tenant cannot see (and so cannot revoke) must never authenticate.
        await grains.GetGrain<ITenantGrain>(tenantId).RecordApiKeyAsync(summary);
        await grains.GetGrain<IApiKeyGrain>(keyId).IssueAsync(tenantId, ApiKeyFormat.Hash(secret), scopes);
        await audit.RecordAsync(tenantId, AuditActions.ApiKeyCreated, keyId, $"name={name}; scopes={string.Join(' ', scopes)}");
        return (summary, secret);
    }

    /// <summary>The recognisable start of a key, shown in lists so a leaked key can be matched to its entry.</summary>
    public static string PrefixOf(string keyId) => $"sk_{keyId[(keyId.IndexOf('_', StringComparison.Ordinal) + 1)..]}_";
}
