namespace Platform.Grains.Tenants;

/// <summary>What the operator and the tenant see of a tenant.</summary>
[GenerateSerializer, Immutable, Alias("Platform.TenantProfile")]
public sealed record TenantProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset CreatedAt);
