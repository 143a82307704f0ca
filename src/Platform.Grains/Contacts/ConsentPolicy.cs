namespace Platform.Grains.Contacts;

/// <summary>How a consent change moves a contact's consent; pure, so the rules are tested without a cluster.</summary>
public static class ConsentPolicy
{
    /// <summary>
    /// The consent after <paramref name="change"/>, and who now holds the marketing opt-out. An opt-in (API or START)
    /// lifts a full opt-out and a marketing opt-out the tenant recorded, but not Meta's: only Meta's own resume lifts that,
    /// because Meta refuses those sends anyway.
    /// </summary>
    public static (ConsentSnapshot Consent, string? MarketingOptOutSource) Apply(
        ConsentSnapshot current, string? marketingOptOutSource, ConsentChange change) => change.Kind switch
    {
        ConsentKinds.OptIn => marketingOptOutSource == ConsentSources.Meta
            ? (current with { OptedIn = true, OptedOut = false, ChangedAt = change.At }, marketingOptOutSource)
            : (current with { OptedIn = true, OptedOut = false, MarketingOptedOut = false, ChangedAt = change.At }, null),
        ConsentKinds.OptOut => (current with { OptedIn = false, OptedOut = true, ChangedAt = change.At }, marketingOptOutSource),
        ConsentKinds.OptOutMarketing => (current with { MarketingOptedOut = true, ChangedAt = change.At }, change.Source),
        ConsentKinds.ResumeMarketing => (current with { MarketingOptedOut = false, ChangedAt = change.At }, null),
        _ => throw new ArgumentException($"'{change.Kind}' is not a consent change.", nameof(change)),
    };
}
