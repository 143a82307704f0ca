namespace Platform.Grains.Tenants;

/// <summary>
/// An API key as its tenant lists it: never the secret, never its hash. <see cref="ExpiresAt"/> is set when the key was
/// revoked or rotated: it stops working then (a rotated key keeps working for the grace period its rotation gave).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt)
{
    [Id(2)] public string Name { get; init; } = "";

    [Id(3)] public string[] Scopes { get; init; } = [];

    [Id(4)] public DateTimeOffset? ExpiresAt { get; init; }

    [Id(5)] public string? RotatedTo { get; init; }
}
