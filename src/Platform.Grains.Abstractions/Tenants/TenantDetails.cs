namespace Platform.Grains.Tenants;

/// <summary>The operator-editable part of a tenant's profile; on an update, null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("Platform.TenantDetails")]
public sealed record TenantDetails(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? ContactEmail,
    [property: Id(2)] string? Country,
    [property: Id(3)] string? ExternalReference)
{
    /// <summary>A per-key rate limit for this tenant's keys; null leaves it as it is.</summary>
    [Id(4)] public KeyRateLimit? RateLimit { get; init; }
}
