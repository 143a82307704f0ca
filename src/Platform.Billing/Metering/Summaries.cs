using Platform.Billing.Ledger;

namespace Platform.Billing.Metering;

/// <summary>Recomputes one tenant-hour's summaries from its rows and pushes: idempotent, so it can run any number of times.</summary>
public static class Summaries
{
    public static IReadOnlyList<UsageSummary> Of(LedgerPartition partition, string? notPushableReason)
    {
        var pushes = partition.Pushes.ToDictionary(p => (p.Category, p.Seq));
        return partition.Entries
            .GroupBy(e => (e.Category, e.Currency))
            .Select(group =>
            {
                var rows = group.ToList();
                string? StateOf(LedgerEntry row) => row.PushSeq is { } seq && pushes.TryGetValue((row.Category, seq), out var push) ? push.State : null;
                var pushed = rows.Where(r => StateOf(r) == PushStates.Pushed).Sum(r => r.Units);
                var unpushed = rows.Where(r => r.Units > 0 && StateOf(r) != PushStates.Pushed).ToList();
                return new UsageSummary(
                    partition.TenantId,
                    partition.Hour,
                    group.Key.Category,
                    group.Key.Currency,
                    rows.Count,
                    rows.Count(r => r.MetaCharges),
                    rows.Sum(r => r.MetaCharge),
                    rows.Sum(r => r.PlatformFee),
                    rows.Sum(r => r.Units),
                    pushed,
                    unpushed.Sum(r => r.Units),
                    rows.Count(r => r.MetaCharges && r.RateMissing),
                    unpushed.Count == 0 ? null : Reason(unpushed.Select(StateOf), notPushableReason));
            })
            .ToList();
    }

    private static string Reason(IEnumerable<string?> states, string? notPushableReason)
    {
        var distinct = states.Distinct().ToList();
        return distinct.Contains(PushStates.Uncertain) ? NotPushedReasons.Uncertain
            : distinct.Contains(PushStates.Refused) ? NotPushedReasons.Refused
            : distinct.Contains(PushStates.Expired) ? NotPushedReasons.OutsideWindow
            : distinct.Contains(null) && notPushableReason is not null ? notPushableReason
            : NotPushedReasons.Pending;
    }
}
