namespace Platform.Billing.Ledger;

/// <summary>
/// What the meter needs of one tenant and bucket: the rows not yet in a group, and the groups (which carry the totals
/// of the rows they hold).
/// </summary>
public sealed record LedgerPartition(string TenantId, DateTimeOffset Bucket, IReadOnlyList<LedgerEntry> Unassigned, IReadOnlyList<MeterPush> Pushes);
