namespace Platform.Host.Partner;

/// <summary>A newly issued API key. <see cref="Key"/> is shown here once and never again: only its hash is kept.</summary>
public sealed record ApiKeyCreatedResponse(string Id, string Key, DateTimeOffset CreatedAt);
