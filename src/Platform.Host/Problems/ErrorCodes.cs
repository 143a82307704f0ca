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
    public const string InsufficientScope = "insufficient_scope";
    public const string TenantSuspended = "tenant_suspended";
    public const string TenantClosed = "tenant_closed";
    public const string RateLimited = "rate_limited";
    public const string TemplateExists = "template_exists";
    public const string WabaTaken = "waba_taken";
    public const string MetaRejected = "meta_rejected";
    public const string MetaUnavailable = "meta_unavailable";
    public const string TooManyApiKeys = "too_many_api_keys";
    public const string SpendLimitReached = "spend_limit_reached";
    public const string PricePlanExists = "price_plan_exists";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string WindowClosed = "window_closed";
    public const string ConsentRequired = "consent_required";
    public const string OptedOut = "opted_out";
    public const string TemplateNotApproved = "template_not_approved";
    public const string TemplateParameters = "template_parameters";
    public const string WebhookVerificationFailed = "webhook_verification_failed";
    public const string WebhookEndpointDisabled = "webhook_endpoint_disabled";
    public const string MediaNotFound = "media_not_found";
    public const string MediaTypeMismatch = "media_type_mismatch";
    public const string PushNotResolvable = "push_not_resolvable";
}
