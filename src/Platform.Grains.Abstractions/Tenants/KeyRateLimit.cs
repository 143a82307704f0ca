namespace Platform.Grains.Tenants;

/// <summary>A per-key token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerSecond"/>.</summary>
[GenerateSerializer, Immutable, Alias("Platform.KeyRateLimit")]
public sealed record KeyRateLimit(
    [property: Id(0)] int PermitsPerSecond,
    [property: Id(1)] int Burst);
