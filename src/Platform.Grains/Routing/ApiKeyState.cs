namespace Platform.Grains.Routing;

/// <summary>An API key's tenant, scopes, expiry and the SHA-256 hash of its secret (never the secret).</summary>
[GenerateSerializer, Alias("Platform.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public string? TenantId { get; set; }
    [Id(1)] public byte[] SecretHash { get; set; } = [];
    [Id(2)] public string[] Scopes { get; set; } = [];
    [Id(3)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(4)] public DateTimeOffset? LastUsedAt { get; set; }
    [Id(5)] public Tenants.KeyRateLimit? RateLimit { get; set; }
}
