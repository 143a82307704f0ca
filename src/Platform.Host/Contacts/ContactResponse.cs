using Platform.Grains.Contacts;

namespace Platform.Host.Contacts;

/// <summary>A contact with their consent now and its history (newest last).</summary>
public sealed record ContactResponse(
    string WaId, bool OptedIn, bool OptedOut, bool MarketingOptedOut, DateTimeOffset? ConsentChangedAt, IReadOnlyList<ConsentChangeResponse> ConsentHistory)
{
    public static ContactResponse From(ContactRecord record) => new(
        record.WaId, record.Consent.OptedIn, record.Consent.OptedOut, record.Consent.MarketingOptedOut, record.Consent.ChangedAt,
        [.. record.History.Select(change => new ConsentChangeResponse(change.Kind, change.Source, change.Proof, change.At))]);

    /// <summary>A customer nothing is recorded about: no opt-in, no opt-out.</summary>
    public static ContactResponse Unknown(string waId) => new(waId, false, false, false, null, []);
}
