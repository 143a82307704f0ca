using System.Collections.Concurrent;

namespace Platform.Grains.Messages;

/// <summary>The history of the embedded mode: lives as long as the process, kept in the same order as the table's rows.</summary>
public sealed class InMemoryMessageStore : IMessageStore
{
    private readonly ConcurrentDictionary<string, SortedList<string, MessageRecord>> _tenants = new();
    private readonly ConcurrentDictionary<(string TenantId, string Wamid), string> _wamids = new();

    public Task<MessageRecord?> GetAsync(string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        if (HistoryKeys.RowKey(messageId) is not { } rowKey || !_tenants.TryGetValue(tenantId, out var rows))
        {
            return Task.FromResult<MessageRecord?>(null);
        }

        lock (rows)
        {
            return Task.FromResult(rows.GetValueOrDefault(rowKey));
        }
    }

    public Task SaveAsync(MessageRecord record, CancellationToken cancellationToken = default)
    {
        var rowKey = HistoryKeys.RowKey(record.Id) ?? throw new ArgumentException($"'{record.Id}' is not a message id.", nameof(record));
        var rows = _tenants.GetOrAdd(record.TenantId, _ => new SortedList<string, MessageRecord>(StringComparer.Ordinal));
        lock (rows)
        {
            rows[rowKey] = record;
        }

        return Task.CompletedTask;
    }

    public Task LinkWamidAsync(string wamid, string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        _wamids[(tenantId, wamid)] = messageId;
        return Task.CompletedTask;
    }

    public Task UnlinkWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default)
    {
        _wamids.TryRemove((tenantId, wamid), out _);
        return Task.CompletedTask;
    }

    public Task<string?> FindByWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_wamids.GetValueOrDefault((tenantId, wamid)));

    public Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken = default)
    {
        if (!_tenants.TryGetValue(query.TenantId, out var rows))
        {
            return Task.FromResult(new MessagePage([], null));
        }

        var after = Max(query.Cursor, query.CreatedBefore is { } before ? HistoryKeys.Floor(before) : null);
        var upTo = query.CreatedAfter is { } since ? HistoryKeys.Floor(since) : null;
        var page = new List<MessageRecord>();
        string? last = null;
        lock (rows)
        {
            foreach (var (rowKey, record) in rows)
            {
                if ((after is not null && string.CompareOrdinal(rowKey, after) <= 0) || !query.Matches(record))
                {
                    continue;
                }

                if (upTo is not null && string.CompareOrdinal(rowKey, upTo) > 0)
                {
                    break;
                }

                if (page.Count == query.Limit)
                {
                    return Task.FromResult(new MessagePage(page, last));
                }

                page.Add(record);
                last = rowKey;
            }
        }

        return Task.FromResult(new MessagePage(page, null));
    }

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;
}
