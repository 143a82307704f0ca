using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.Grains.Deliveries;

/// <summary>The index of the embedded mode, where grain state does not outlive the process either.</summary>
public sealed class InMemoryPendingDeliveryIndex : IPendingDeliveryIndex
{
    private readonly ConcurrentDictionary<WebhookDeliveryKey, byte> _keys = new();
    private readonly ConcurrentDictionary<WebhookDeliveryKey, SortedList<string, ScheduledDelivery>> _spilled = new();

    public Task MarkAsync(WebhookDeliveryKey key)
    {
        _keys[key] = 0;
        return Task.CompletedTask;
    }

    public Task ClearAsync(WebhookDeliveryKey key)
    {
        _keys.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<WebhookDeliveryKey> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var key in _keys.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask;
    }

    public Task SpillAsync(WebhookDeliveryKey key, SpilledDelivery delivery)
    {
        var list = Spilled(key);
        lock (list)
        {
            list[delivery.Sequence] = delivery.Item;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SpilledDelivery>> PeekSpilledAsync(WebhookDeliveryKey key, int limit)
    {
        var list = Spilled(key);
        lock (list)
        {
            return Task.FromResult<IReadOnlyList<SpilledDelivery>>([.. list.Take(limit).Select(row => new SpilledDelivery(row.Key, row.Value))]);
        }
    }

    public Task RemoveSpilledAsync(WebhookDeliveryKey key, IReadOnlyList<string> sequences)
    {
        var list = Spilled(key);
        lock (list)
        {
            foreach (var sequence in sequences)
            {
                list.Remove(sequence);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> CountSpilledAsync(WebhookDeliveryKey key)
    {
        var list = Spilled(key);
        lock (list)
        {
            return Task.FromResult(list.Count);
        }
    }

    private SortedList<string, ScheduledDelivery> Spilled(WebhookDeliveryKey key) =>
        _spilled.GetOrAdd(key, _ => new SortedList<string, ScheduledDelivery>(StringComparer.Ordinal));
}
