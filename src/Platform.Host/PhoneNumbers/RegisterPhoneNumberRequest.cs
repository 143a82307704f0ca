namespace Platform.Host.PhoneNumbers;

/// <summary>
/// Body of <c>POST /v1/phone-numbers</c> (and the partner route). For <c>sandbox</c>: <c>phone_number_id</c> and
/// <c>display_phone_number</c>. For <c>cloud_api</c>: <c>phone_number_id</c>, <c>waba_id</c>, the business's
/// <c>access_token</c> and the two-step verification <c>pin</c>; the display number comes from Meta.
/// </summary>
public sealed record RegisterPhoneNumberRequest(
    string? PhoneNumberId, string? DisplayPhoneNumber, string? Channel, string? WabaId = null, string? AccessToken = null, string? Pin = null);
