namespace Platform.Billing.Ledger;

/// <summary>
/// A group of up to <see cref="MaxRows"/> ledger rows of one tenant, bucket, category and currency, with their totals.
/// Every row ends up in exactly one group, created together with the assignment of its rows in one atomic write. A group
/// with chargeable units is one Stripe meter event: pushed with <see cref="Identifier"/> as both the meter event identifier
/// and the idempotency key, then marked pushed with what Stripe answered. Summaries add up groups, so the meter never
/// reads a row again once it is grouped.
/// </summary>
public sealed record MeterPush(
    string TenantId,
    DateTimeOffset Bucket,
    string Category,
    int Seq,
    string Identifier,
    string EventName,
    string? CustomerId,
    long Units,
    int Messages,
    DateTimeOffset Timestamp,
    DateTimeOffset CreatedAt)
{
    /// <summary>An entity group transaction holds 100 entities: the group itself and 99 rows.</summary>
    public const int MaxRows = 99;

    public string State { get; init; } = PushStates.Pending;

    public string Currency { get; init; } = "USD";

    public int BillableMessages { get; init; }

    public decimal MetaCharge { get; init; }

    public decimal PlatformFee { get; init; }

    public int RateMissing { get; init; }

    /// <summary>When Stripe recorded the event (its <c>created</c>), once pushed.</summary>
    public DateTimeOffset? StripeCreated { get; init; }

    public DateTimeOffset? PushedAt { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public string? Version { get; init; }

    /// <summary>How the operator resolved this push when it was uncertain or refused (<see cref="PushResolutions"/>).</summary>
    public string? Resolution { get; init; }

    public string? ResolutionReason { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>
    /// The push's stable name (its first identifier): a push retried after a resolution is sent under a new identifier, as
    /// Stripe may have forgotten or refused the first, but keeps this id.
    /// </summary>
    public string Id => IdentifierFor(TenantId, Bucket, Category, Seq);

    /// <summary>Deterministic: the same group always sends the same identifier, across retries and restarts.</summary>
    public static string IdentifierFor(string tenantId, DateTimeOffset bucket, string category, int seq) =>
        $"{tenantId}-{category}-{LedgerBuckets.Key(bucket)}-{seq}";

    /// <summary>Splits an <see cref="Id"/> into tenant, bucket, category and sequence; null when it is not one.</summary>
    public static (string TenantId, DateTimeOffset Bucket, string Category, int Seq)? ParseId(string id)
    {
        var parts = id.Split('-');
        if (parts.Length < 4
            || !int.TryParse(parts[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq)
            || parts[^2].Length != 12
            || !DateTimeOffset.TryParseExact(parts[^2], "yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var bucket)
            || !Pricing.MessageCategories.All.Contains(parts[^3]))
        {
            return null;
        }

        return (string.Join('-', parts[..^3]), bucket, parts[^3], seq);
    }

    /// <summary>A group of <paramref name="rows"/> (one category and currency), in <paramref name="state"/>.</summary>
    public static MeterPush Of(
        IReadOnlyList<LedgerEntry> rows, int seq, string state, string eventName, string? customerId, DateTimeOffset now)
    {
        var first = rows[0];
        return new MeterPush(
            first.TenantId,
            first.Bucket,
            first.Category,
            seq,
            IdentifierFor(first.TenantId, first.Bucket, first.Category, seq),
            eventName,
            customerId,
            rows.Sum(r => r.Units),
            rows.Count,
            rows.Max(r => r.SentAt),
            now)
        {
            State = state,
            Currency = first.Currency,
            BillableMessages = rows.Count(r => r.MetaCharges),
            MetaCharge = rows.Sum(r => r.MetaCharge),
            PlatformFee = rows.Sum(r => r.PlatformFee),
            RateMissing = rows.Count(r => r.MetaCharges && r.RateMissing),
        };
    }
}
