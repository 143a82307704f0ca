using Orleans.Concurrency;

namespace Platform.Grains.Contacts;

/// <summary>
/// A customer as one tenant knows them: consent (per tenant, not per number) with its history, and profile. Key:
/// <see cref="ContactKey"/>. The conversation grain asks it before every business-initiated send.
/// </summary>
[Alias("Platform.ContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>The customer's consent as it stands now.</summary>
    [Alias("GetConsentAsync"), ReadOnly]
    Task<ConsentSnapshot> GetConsentAsync();

    /// <summary>Applies a consent change (opt-in, opt-out of everything, opt-out of marketing) and returns the result.</summary>
    [Alias("RecordConsentAsync")]
    Task<ConsentSnapshot> RecordConsentAsync(ConsentChange change);

    /// <summary>The contact with its consent history, or null when nothing is recorded about them.</summary>
    [Alias("GetAsync")]
    Task<ContactRecord?> GetAsync();

    /// <summary>
    /// Forgets the customer (privacy erasure): history and profile go; an opt-out is kept only under a hash of the number,
    /// so an erased customer who opted out is still never messaged.
    /// </summary>
    [Alias("EraseAsync")]
    Task EraseAsync();
}
