namespace Platform.Grains.Privacy;

/// <summary>One tenant's retention: bodies older than <see cref="Days"/> go; those before <see cref="SweptUntil"/> already have.</summary>
[GenerateSerializer, Immutable, Alias("Platform.RetentionSweep")]
public sealed record RetentionSweep(
    [property: Id(0)] string TenantId,
    [property: Id(1)] int Days,
    [property: Id(2)] DateTimeOffset? SweptUntil);
