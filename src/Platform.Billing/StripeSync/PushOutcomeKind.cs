namespace Platform.Billing.StripeSync;

public enum PushOutcomeKind
{
    /// <summary>Stripe accepted the event (or replayed its acceptance for the same idempotency key).</summary>
    Accepted,

    /// <summary>Stripe already holds an event with this identifier: counted once, by an earlier attempt.</summary>
    AlreadyRecorded,

    /// <summary>429, 5xx, a timeout or a network failure: retry with the same identifier and idempotency key.</summary>
    Retry,

    /// <summary>Stripe refused the event for good.</summary>
    Refused,
}
