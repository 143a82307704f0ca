namespace Platform.Billing.StripeSync;

/// <summary>What came of one attempt to push a meter event.</summary>
public sealed record PushOutcome(PushOutcomeKind Kind, DateTimeOffset? StripeCreated = null, string? Error = null, TimeSpan? RetryAfter = null);
