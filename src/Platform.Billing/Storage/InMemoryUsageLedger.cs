using System.Globalization;
using Platform.Billing.Ledger;

namespace Platform.Billing.Storage;

/// <summary>
/// The ledger of the embedded mode. One lock keeps every operation atomic, which is what the table store gets from entity
/// group transactions and ETags. Memory stays bounded: a grouped row is dropped (its group holds its totals, its id stays
/// for deduplication), and a settled bucket a day older than the newest is dropped whole; its summaries stay.
/// </summary>
public sealed class InMemoryUsageLedger : IUsageLedger
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<(string, DateTimeOffset), Partition> _partitions = [];
    private readonly Dictionary<(string, DateTimeOffset), long> _dirty = [];
    private readonly Dictionary<(string, DateTimeOffset, string, string), UsageSummary> _summaries = [];
    private long _version;

    public Task<int> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var added = 0;
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                var key = (entry.TenantId, entry.Bucket);
                if (!_partitions.TryGetValue(key, out var partition))
                {
                    partition = _partitions[key] = new Partition();
                    DropSettledBefore(entry.Bucket - Retention);
                }

                if (partition.Seen.Add(entry.MessageId))
                {
                    partition.Unassigned[entry.MessageId] = entry with { Version = NextVersion() };
                    added++;
                    _dirty[key] = _version;
                }
            }
        }

        return Task.FromResult(added);
    }

    public Task<IReadOnlyList<DirtyPartition>> DirtyAsync(int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DirtyPartition>>(_dirty
                .OrderBy(pair => pair.Key.Item2)
                .Take(max)
                .Select(pair => new DirtyPartition(pair.Key.Item1, pair.Key.Item2, pair.Value.ToString(CultureInfo.InvariantCulture)))
                .ToList());
        }
    }

    public Task<bool> ClearDirtyAsync(DirtyPartition dirty, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (dirty.TenantId, dirty.Bucket);
            var cleared = _dirty.TryGetValue(key, out var version) && version.ToString(CultureInfo.InvariantCulture) == dirty.Version && _dirty.Remove(key);
            return Task.FromResult(cleared);
        }
    }

    public Task<LedgerPartition> ReadAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var partition = _partitions.GetValueOrDefault((tenantId, bucket)) ?? new Partition();
            return Task.FromResult(new LedgerPartition(tenantId, bucket, partition.Unassigned.Values.ToList(), partition.Pushes.Values.ToList()));
        }
    }

    public Task<bool> AssignAsync(MeterPush push, IReadOnlyList<LedgerEntry> rows, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_partitions.TryGetValue((push.TenantId, push.Bucket), out var partition)
                || partition.Pushes.ContainsKey((push.Category, push.Seq))
                || rows.Any(row => !partition.Unassigned.TryGetValue(row.MessageId, out var stored) || stored.Version != row.Version))
            {
                return Task.FromResult(false);
            }

            partition.Pushes[(push.Category, push.Seq)] = push with { Version = NextVersion() };
            foreach (var row in rows)
            {
                partition.Unassigned.Remove(row.MessageId);
            }

            return Task.FromResult(true);
        }
    }

    public Task UpdatePushAsync(MeterPush push, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _partitions[(push.TenantId, push.Bucket)].Pushes[(push.Category, push.Seq)] = push with { Version = NextVersion() };
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReplacePushAsync(MeterPush push, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_partitions.TryGetValue((push.TenantId, push.Bucket), out var partition)
                || !partition.Pushes.TryGetValue((push.Category, push.Seq), out var stored)
                || stored.Version != push.Version)
            {
                return Task.FromResult(false);
            }

            partition.Pushes[(push.Category, push.Seq)] = push with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task MarkDirtyAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _dirty[(tenantId, bucket)] = ++_version;
        }

        return Task.CompletedTask;
    }

    public Task WriteSummariesAsync(IReadOnlyList<UsageSummary> summaries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var summary in summaries)
            {
                _summaries[(summary.TenantId, summary.Bucket, summary.Category, summary.Currency)] = summary;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UsageSummary>> SummariesAsync(string? tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<UsageSummary>>(_summaries.Values
                .Where(s => (tenantId is null || s.TenantId == tenantId) && s.Bucket >= LedgerBuckets.Of(since) && s.Bucket < until)
                .OrderBy(s => s.TenantId, StringComparer.Ordinal).ThenBy(s => s.Bucket)
                .ToList());
        }
    }

    private void DropSettledBefore(DateTimeOffset cutoff)
    {
        foreach (var key in _partitions.Keys.Where(key => key.Item2 < cutoff && !_dirty.ContainsKey(key)).ToList())
        {
            _partitions.Remove(key);
        }
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);

    private sealed class Partition
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, LedgerEntry> Unassigned { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string, int), MeterPush> Pushes { get; } = [];
    }
}
