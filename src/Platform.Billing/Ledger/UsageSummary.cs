namespace Platform.Billing.Ledger;

/// <summary>
/// Totals of one tenant, bucket, category and currency, recomputed from the ledger rows each time the bucket changes:
/// what usage and reconciliation read, so neither scans rows.
/// </summary>
public sealed record UsageSummary(
    string TenantId,
    DateTimeOffset Bucket,
    string Category,
    string Currency,
    int Messages,
    int BillableMessages,
    decimal MetaCharge,
    decimal PlatformFee,
    long Units,
    long PushedUnits,
    long PendingUnits,
    int RateMissing,
    string? NotPushedReason)
{
    /// <summary>Part of <see cref="PushedUnits"/> that the operator confirmed Stripe holds (an uncertain push resolved as pushed).</summary>
    public long ConfirmedUnits { get; init; }

    /// <summary>Chargeable units the operator wrote off: never pushed, not in <see cref="PendingUnits"/>.</summary>
    public long WrittenOffUnits { get; init; }

    /// <summary>Pushes waiting for the operator (uncertain or refused).</summary>
    public int Unresolved { get; init; }

    public decimal Total => MetaCharge + PlatformFee;
}
