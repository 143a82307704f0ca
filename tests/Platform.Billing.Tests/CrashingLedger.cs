using Platform.Billing.Ledger;

namespace Platform.Billing.Tests;

/// <summary>
/// A ledger whose process dies at the worst moment: Stripe has accepted a push, and the write that records it never
/// happens. Every later write fails too, as nothing runs in a dead process.
/// </summary>
public sealed class CrashingLedger(IUsageLedger inner) : IUsageLedger
{
    private bool _dead;

    public Task<int> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) => Alive().AppendAsync(entries, cancellationToken);

    public Task<IReadOnlyList<DirtyPartition>> DirtyAsync(int max, CancellationToken cancellationToken) => Alive().DirtyAsync(max, cancellationToken);

    public Task<bool> ClearDirtyAsync(DirtyPartition dirty, CancellationToken cancellationToken) => Alive().ClearDirtyAsync(dirty, cancellationToken);

    public Task<LedgerPartition> ReadAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken) => Alive().ReadAsync(tenantId, bucket, cancellationToken);

    public Task<bool> AssignAsync(MeterPush push, IReadOnlyList<LedgerEntry> rows, CancellationToken cancellationToken) => Alive().AssignAsync(push, rows, cancellationToken);

    public Task UpdatePushAsync(MeterPush push, CancellationToken cancellationToken)
    {
        if (push.State == PushStates.Pushed)
        {
            _dead = true;
        }

        return Alive().UpdatePushAsync(push, cancellationToken);
    }

    public Task<bool> ReplacePushAsync(MeterPush push, CancellationToken cancellationToken) => Alive().ReplacePushAsync(push, cancellationToken);

    public Task MarkDirtyAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken) => Alive().MarkDirtyAsync(tenantId, bucket, cancellationToken);

    public Task WriteSummariesAsync(IReadOnlyList<UsageSummary> summaries, CancellationToken cancellationToken) => Alive().WriteSummariesAsync(summaries, cancellationToken);

    public Task<IReadOnlyList<UsageSummary>> SummariesAsync(string? tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        Alive().SummariesAsync(tenantId, since, until, cancellationToken);

    private IUsageLedger Alive() => _dead ? throw new ProcessKilledException() : inner;
}
