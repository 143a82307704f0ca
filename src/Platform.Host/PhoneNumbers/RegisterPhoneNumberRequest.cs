namespace Platform.Host.PhoneNumbers;

/// <summary>Body of <c>POST /v1/phone-numbers</c>.</summary>
public sealed record RegisterPhoneNumberRequest(string? PhoneNumberId, string? DisplayPhoneNumber, string? Channel);
