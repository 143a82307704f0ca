using Platform.Grains.Tenants;

namespace Platform.Host.PhoneNumbers;

/// <summary>A phone number as the portal API shows it.</summary>
public sealed record PhoneNumberResponse(
    string Id, string PhoneNumberId, string DisplayPhoneNumber, string Channel, string Status, DateTimeOffset CreatedAt)
{
    public static PhoneNumberResponse From(PhoneNumber number) =>
        new(number.Id, number.PhoneNumberId, number.DisplayPhoneNumber, number.Channel, number.Status, number.CreatedAt);
}
