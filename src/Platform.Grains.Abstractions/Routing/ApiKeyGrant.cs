namespace Platform.Grains.Routing;

/// <summary>What a valid API key allows: its tenant and scopes.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ApiKeyGrant")]
public sealed record ApiKeyGrant(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string[] Scopes)
{
    /// <summary>The tenant's own rate limit for its keys; null for the platform's.</summary>
    [Id(2)] public Tenants.KeyRateLimit? RateLimit { get; init; }
}
