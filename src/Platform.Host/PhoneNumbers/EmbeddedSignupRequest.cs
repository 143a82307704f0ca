namespace Platform.Host.PhoneNumbers;

/// <summary>
/// Body of the Embedded Signup hand-off: the <c>code</c> the business's signup returned, the WABA and phone-number ids
/// it reported, and the two-step verification <c>pin</c> to register the number with.
/// </summary>
public sealed record EmbeddedSignupRequest(string? Code, string? WabaId, string? PhoneNumberId, string? Pin);
