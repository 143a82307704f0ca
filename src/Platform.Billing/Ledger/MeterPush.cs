namespace Platform.Billing.Ledger;

/// <summary>
/// One Stripe meter event: the sum of up to <see cref="MaxRows"/> ledger rows of one tenant, category and hour. Created
/// together with the assignment of its rows, then pushed with <see cref="Identifier"/> as both the meter event identifier
/// and the idempotency key, then marked pushed with what Stripe answered.
/// </summary>
public sealed record MeterPush(
    string TenantId,
    DateTimeOffset Hour,
    string Category,
    int Seq,
    string Identifier,
    string EventName,
    string CustomerId,
    long Units,
    int Messages,
    DateTimeOffset Timestamp,
    DateTimeOffset CreatedAt)
{
    /// <summary>An entity group transaction holds 100 entities: the push itself and 99 rows.</summary>
    public const int MaxRows = 99;

    public string State { get; init; } = PushStates.Pending;

    /// <summary>When Stripe recorded the event (its <c>created</c>), once pushed.</summary>
    public DateTimeOffset? StripeCreated { get; init; }

    public DateTimeOffset? PushedAt { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public string? Version { get; init; }

    /// <summary>Deterministic: the same push always sends the same identifier, across retries and restarts.</summary>
    public static string IdentifierFor(string tenantId, DateTimeOffset hour, string category, int seq) =>
        $"{tenantId}-{category}-{LedgerHours.Key(hour)}-{seq}";
}
