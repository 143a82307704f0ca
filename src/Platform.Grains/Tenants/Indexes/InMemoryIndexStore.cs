using System.Collections.Concurrent;

namespace Platform.Grains.Tenants.Indexes;

/// <summary>The embedded mode's index: sorted rows in memory, gone with the process like the rest of its state.</summary>
public sealed class InMemoryIndexStore : IIndexStore
{
    private readonly ConcurrentDictionary<(string Table, string Partition), SortedList<string, IndexRow>> _partitions = new();

    public Task UpsertAsync(string table, IndexRow row, CancellationToken cancellationToken = default)
    {
        var rows = Rows(table, row.Partition);
        lock (rows)
        {
            rows[row.RowKey] = row;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string table, string partition, string rowKey, CancellationToken cancellationToken = default)
    {
        var rows = Rows(table, partition);
        lock (rows)
        {
            rows.Remove(rowKey);
        }

        return Task.CompletedTask;
    }

    public Task<IndexRow?> GetAsync(string table, string partition, string rowKey, CancellationToken cancellationToken = default)
    {
        var rows = Rows(table, partition);
        lock (rows)
        {
            return Task.FromResult(rows.GetValueOrDefault(rowKey));
        }
    }

    public Task<IReadOnlyList<IndexRow>> ListAsync(
        string table, string partition, string? after, int limit, IReadOnlyDictionary<string, string>? equals = null, CancellationToken cancellationToken = default)
    {
        var rows = Rows(table, partition);
        lock (rows)
        {
            IReadOnlyList<IndexRow> page = rows.Values
                .Where(row => after is null || string.CompareOrdinal(row.RowKey, after) > 0)
                .Where(row => equals is null || equals.All(pair => row.Columns?.GetValueOrDefault(pair.Key) == pair.Value))
                .Take(limit)
                .ToList();
            return Task.FromResult(page);
        }
    }

    private SortedList<string, IndexRow> Rows(string table, string partition) =>
        _partitions.GetOrAdd((table, partition), _ => new SortedList<string, IndexRow>(StringComparer.Ordinal));
}
