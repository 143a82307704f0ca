using Platform.Billing.Ledger;

namespace Platform.Billing.Metering;

/// <summary>
/// Recomputes one tenant-bucket's summaries from its groups (which carry their rows' totals) and its unassigned rows:
/// idempotent, so it can run any number of times, and it never reads a grouped row again.
/// </summary>
public static class Summaries
{
    public static IReadOnlyList<UsageSummary> Of(LedgerPartition partition, string? notPushableReason)
    {
        var parts = partition.Pushes
            .Select(p => new Part(p.Category, p.Currency, p.Messages, p.BillableMessages, p.MetaCharge, p.PlatformFee, p.Units, p.RateMissing, p.State, p.Resolution))
            .Concat(partition.Unassigned.Select(e => new Part(
                e.Category, e.Currency, 1, e.MetaCharges ? 1 : 0, e.MetaCharge, e.PlatformFee, e.Units, e.MetaCharges && e.RateMissing ? 1 : 0, null, null)));
        return parts
            .GroupBy(p => (p.Category, p.Currency))
            .Select(group =>
            {
                var pushed = group.Where(p => p.State == PushStates.Pushed).Sum(p => p.Units);
                var unpushed = group.Where(p => p.Units > 0 && p.State is not (PushStates.Pushed or PushStates.WrittenOff)).ToList();
                return new UsageSummary(
                    partition.TenantId,
                    partition.Bucket,
                    group.Key.Category,
                    group.Key.Currency,
                    group.Sum(p => p.Messages),
                    group.Sum(p => p.BillableMessages),
                    group.Sum(p => p.MetaCharge),
                    group.Sum(p => p.PlatformFee),
                    group.Sum(p => p.Units),
                    pushed,
                    unpushed.Sum(p => p.Units),
                    group.Sum(p => p.RateMissing),
                    unpushed.Count == 0 ? null : Reason(unpushed.Select(p => p.State).ToList(), notPushableReason))
                {
                    ConfirmedUnits = group.Where(p => p.State == PushStates.Pushed && p.Resolution == PushResolutions.Pushed).Sum(p => p.Units),
                    WrittenOffUnits = group.Where(p => p.State == PushStates.WrittenOff).Sum(p => p.Units),
                    Unresolved = group.Count(p => p.State is PushStates.Uncertain or PushStates.Refused),
                };
            })
            .ToList();
    }

    private static string Reason(IReadOnlyList<string?> states, string? notPushableReason) =>
        states.Contains(PushStates.Uncertain) ? NotPushedReasons.Uncertain
        : states.Contains(PushStates.Refused) ? NotPushedReasons.Refused
        : states.Contains(PushStates.Expired) ? NotPushedReasons.OutsideWindow
        : states.Contains(PushStates.StripeOff) ? NotPushedReasons.StripeOff
        : states.Contains(null) && notPushableReason is not null ? notPushableReason
        : NotPushedReasons.Pending;

    private sealed record Part(
        string Category, string Currency, int Messages, int BillableMessages, decimal MetaCharge, decimal PlatformFee, long Units, int RateMissing, string? State, string? Resolution);
}
