namespace Platform.Billing.Ledger;

/// <summary>The usage ledger: one row per message, the groups (Stripe pushes) that counted them, and bucket summaries.</summary>
public interface IUsageLedger
{
    /// <summary>Stores rows not stored yet (by tenant and message id) and marks their buckets dirty; returns how many were new.</summary>
    Task<int> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<DirtyPartition>> DirtyAsync(int max, CancellationToken cancellationToken);

    /// <summary>Clears a dirty mark unless rows were appended since it was read; false when it stays.</summary>
    Task<bool> ClearDirtyAsync(DirtyPartition dirty, CancellationToken cancellationToken);

    /// <summary>The bucket's unassigned rows and its groups; rows already in a group are not read again.</summary>
    Task<LedgerPartition> ReadAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken);

    /// <summary>
    /// Creates <paramref name="push"/> and assigns <paramref name="rows"/> to it in one atomic write; false when the group
    /// already exists or a row changed since it was read (read again and retry).
    /// </summary>
    Task<bool> AssignAsync(MeterPush push, IReadOnlyList<LedgerEntry> rows, CancellationToken cancellationToken);

    Task UpdatePushAsync(MeterPush push, CancellationToken cancellationToken);

    /// <summary>Replaces a push only if it is unchanged since it was read (its <see cref="MeterPush.Version"/>); false when it changed.</summary>
    Task<bool> ReplacePushAsync(MeterPush push, CancellationToken cancellationToken);

    /// <summary>Marks a tenant-bucket for the meter's next pass (after an operator changed one of its pushes).</summary>
    Task MarkDirtyAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken);

    Task WriteSummariesAsync(IReadOnlyList<UsageSummary> summaries, CancellationToken cancellationToken);

    /// <summary>Bucket summaries in [since, until), of one tenant or of all.</summary>
    Task<IReadOnlyList<UsageSummary>> SummariesAsync(string? tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
