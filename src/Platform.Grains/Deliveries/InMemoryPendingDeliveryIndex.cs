using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.Grains.Deliveries;

/// <summary>The index of the embedded mode, where grain state does not outlive the process either.</summary>
public sealed class InMemoryPendingDeliveryIndex : IPendingDeliveryIndex
{
    private readonly ConcurrentDictionary<WebhookDeliveryKey, byte> _keys = new();

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
}
