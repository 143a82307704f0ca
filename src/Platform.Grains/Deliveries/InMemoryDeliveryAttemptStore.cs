using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Grains.Deliveries;

/// <summary>The attempt store of the embedded mode: the same keys, order, paging and trimming, in memory.</summary>
public sealed class InMemoryDeliveryAttemptStore(IOptions<WebhookDeliveryOptions> options, TimeProvider time) : IDeliveryAttemptStore
{
    private readonly ConcurrentDictionary<WebhookDeliveryKey, SortedList<string, DeliveryAttempt>> _attempts = new();

    public void Record(WebhookDeliveryKey endpoint, DeliveryAttempt attempt)
    {
        var rows = _attempts.GetOrAdd(endpoint, _ => new SortedList<string, DeliveryAttempt>(StringComparer.Ordinal));
        var oldest = DeliveryAttemptKeys.Newest(time.GetUtcNow() - options.Value.AttemptRetention);
        lock (rows)
        {
            rows[DeliveryAttemptKeys.Row(attempt)] = attempt;
            while (rows.Count > options.Value.MaxAttemptsPerEndpoint || (rows.Count > 0 && string.CompareOrdinal(rows.Keys[^1], oldest) > 0))
            {
                rows.RemoveAt(rows.Count - 1);
            }
        }
    }

    public Task<DeliveryAttemptPage> ListAsync(WebhookDeliveryKey endpoint, DeliveryAttemptQuery query, CancellationToken cancellationToken)
    {
        if (!_attempts.TryGetValue(endpoint, out var rows))
        {
            return Task.FromResult(new DeliveryAttemptPage([], null));
        }

        var after = query.Cursor is { } cursor ? DeliveryAttemptKeys.RowKey(cursor) : null;
        List<KeyValuePair<string, DeliveryAttempt>> matches;
        lock (rows)
        {
            matches = [.. rows
                .Where(row => after is null || string.CompareOrdinal(row.Key, after) > 0)
                .Where(row => query.Outcome is null || row.Value.Outcome == query.Outcome)
                .Where(row => query.EventId is null || row.Value.EventId == query.EventId)
                .Take(query.Limit + 1)];
        }

        var page = matches.Take(query.Limit).ToList();
        return Task.FromResult(new DeliveryAttemptPage(
            [.. page.Select(row => row.Value)], matches.Count > query.Limit ? DeliveryAttemptKeys.Cursor(page[^1].Key) : null));
    }
}
