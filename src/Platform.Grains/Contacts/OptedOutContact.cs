namespace Platform.Grains.Contacts;

/// <summary>A row of a tenant's opted-out list.</summary>
public sealed record OptedOutContact(string WaId, bool OptedOut, bool MarketingOptedOut, DateTimeOffset? ChangedAt);
