namespace Platform.Host.Contacts;

/// <summary>A row of the opted-out list: opted out of everything, or of marketing only.</summary>
public sealed record OptedOutContactResponse(string WaId, bool OptedOut, bool MarketingOptedOut, DateTimeOffset? ChangedAt);
