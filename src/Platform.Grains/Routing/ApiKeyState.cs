namespace Platform.Grains.Routing;

/// <summary>An API key's tenant and the SHA-256 hash of its secret (never the secret).</summary>
[GenerateSerializer, Alias("Platform.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public string? TenantId { get; set; }
    [Id(1)] public byte[] SecretHash { get; set; } = [];
}
