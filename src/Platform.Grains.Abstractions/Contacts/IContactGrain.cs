namespace Platform.Grains.Contacts;

/// <summary>
/// A customer as one tenant knows them: consent (per tenant, not per number) with its history, and profile. Key:
/// <see cref="ContactKey"/>. The conversation grain asks it before every business-initiated send.
/// </summary>
[Alias("Platform.ContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>The customer's consent as it stands now.</summary>
    [Alias("GetConsentAsync")]
    Task<ConsentSnapshot> GetConsentAsync();

    /// <summary>Applies a consent change (opt-in, opt-out of everything, opt-out of marketing) and returns the result.</summary>
    [Alias("RecordConsentAsync")]
    Task<ConsentSnapshot> RecordConsentAsync(ConsentChange change);
}
