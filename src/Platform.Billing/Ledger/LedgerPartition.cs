namespace Platform.Billing.Ledger;

/// <summary>Everything the ledger holds for one tenant and hour: its rows and the pushes that counted them.</summary>
public sealed record LedgerPartition(string TenantId, DateTimeOffset Hour, IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<MeterPush> Pushes);
