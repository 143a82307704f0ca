namespace Platform.WhatsApp.Onboarding;

/// <summary>What Meta says about a business phone number (<c>GET /{phone-number-id}</c>).</summary>
public sealed record MetaPhoneNumber(string Id, string DisplayPhoneNumber, string? VerifiedName, string? QualityRating);
