using Platform.Grains.Tenants;

namespace Platform.Host.PhoneNumbers;

/// <summary>A phone number as the APIs show it, with Meta's latest quality event and messaging limit; never its access token.</summary>
public sealed record PhoneNumberResponse(
    string Id, string PhoneNumberId, string DisplayPhoneNumber, string Channel, string Status, string? WabaId, string? VerifiedName,
    string? QualityRating, string? QualityEvent, string? MessagingLimit, DateTimeOffset CreatedAt)
{
    public static PhoneNumberResponse From(PhoneNumber number) => new(
        number.Id, number.PhoneNumberId, number.DisplayPhoneNumber, number.Channel, number.Status, number.WabaId, number.VerifiedName,
        number.QualityRating, number.QualityEvent, number.MessagingLimit, number.CreatedAt);
}
