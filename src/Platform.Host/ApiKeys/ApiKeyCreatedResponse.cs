namespace Platform.Host.ApiKeys;

/// <summary>A newly issued API key. <see cref="Key"/> is shown here once and never again: only its hash is kept.</summary>
public sealed record ApiKeyCreatedResponse(string Id, string Key, string Prefix, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);
