using Platform.Billing.Pricing;

namespace Platform.Billing.Ledger;

/// <summary>
/// One ledger row: one outbound message as billed. Keyed by tenant and message id (partitioned by the bucket it was sent),
/// so a redelivered usage event finds its row and changes nothing. <see cref="PushSeq"/> names the Stripe push that
/// counted it; rows are never counted twice because each is assigned to one push in the same atomic write that creates
/// that push.
/// </summary>
public sealed record LedgerEntry(
    string TenantId,
    string MessageId,
    DateTimeOffset SentAt,
    string Market,
    string Category,
    bool MetaCharges,
    string PricingSource,
    decimal MetaCharge,
    decimal PlatformFee,
    string Currency,
    string PlanId,
    bool RateMissing)
{
    public int? PushSeq { get; init; }

    /// <summary>The store's concurrency token (an ETag); null for a row not read from the store.</summary>
    public string? Version { get; init; }

    public DateTimeOffset Bucket => LedgerBuckets.Of(SentAt);

    public decimal Total => MetaCharge + PlatformFee;

    public long Units => Money.ToUnits(Total);
}
