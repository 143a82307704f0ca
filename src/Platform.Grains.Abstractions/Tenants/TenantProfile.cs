namespace Platform.Grains.Tenants;

/// <summary>
/// What the operator and the tenant see of a tenant. <see cref="Status"/> is active, suspended or closed; a suspended
/// tenant's <see cref="StatusReason"/> is the operator's reason, shown to the tenant on every refused write.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.TenantProfile")]
public sealed record TenantProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset CreatedAt)
{
    [Id(4)] public string? ContactEmail { get; init; }

    [Id(5)] public string? Country { get; init; }

    [Id(6)] public string? ExternalReference { get; init; }

    [Id(7)] public string? StatusReason { get; init; }

    [Id(8)] public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>This tenant's per-key rate limit, when it differs from the platform's (for example by price plan).</summary>
    [Id(9)] public KeyRateLimit? RateLimit { get; init; }

    /// <summary>The per-key rate limit of the tenant's price plan; <see cref="RateLimit"/>, when set, takes precedence.</summary>
    [Id(10)] public KeyRateLimit? PlanRateLimit { get; init; }

    /// <summary>What the tenant's keys are limited to: its own limit, else its plan's, else (null) the platform's default.</summary>
    public KeyRateLimit? EffectiveRateLimit => RateLimit ?? PlanRateLimit;
}
