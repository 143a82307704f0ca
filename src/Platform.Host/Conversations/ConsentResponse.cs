using Platform.Grains.Contacts;

namespace Platform.Host.Conversations;

/// <summary>The customer's consent with this tenant, as sends see it.</summary>
public sealed record ConsentResponse(bool OptedIn, bool OptedOut, bool MarketingOptedOut, DateTimeOffset? ChangedAt)
{
    public static ConsentResponse From(ConsentSnapshot consent) => new(consent.OptedIn, consent.OptedOut, consent.MarketingOptedOut, consent.ChangedAt);
}
