namespace Platform.Grains.Tenants;

/// <summary>An API key as its tenant lists it: never the secret, never its hash.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt);
