namespace Platform.Host.Problems;

/// <summary>The stable, machine-readable <c>code</c> of every problem detail we answer with.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not_found";
    public const string PhoneNumberTaken = "phone_number_taken";
    public const string PhoneNumberUnavailable = "phone_number_unavailable";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InternalError = "internal_error";
}
