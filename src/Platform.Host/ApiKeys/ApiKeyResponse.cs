using Platform.Grains.Tenants;

namespace Platform.Host.ApiKeys;

/// <summary>An API key as lists show it: never the secret. <c>expires_at</c> is set once the key is revoked or rotated.</summary>
public sealed record ApiKeyResponse(
    string Id, string Prefix, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt, string? RotatedTo, bool Active)
{
    public static ApiKeyResponse From(ApiKeySummary key, DateTimeOffset? lastUsedAt, DateTimeOffset now) => new(
        key.Id, ApiKeyIssuer.PrefixOf(key.Id), key.Name, key.Scopes, key.CreatedAt, lastUsedAt, key.ExpiresAt, key.RotatedTo,
        key.ExpiresAt is null || key.ExpiresAt > now);
}
