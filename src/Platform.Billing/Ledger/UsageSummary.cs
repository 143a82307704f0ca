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
    public decimal Total => MetaCharge + PlatformFee;
}
