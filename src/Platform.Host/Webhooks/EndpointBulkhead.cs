using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Host.Webhooks;

/// <summary>
/// Limits the first attempts in flight per endpoint in this process. A delivery waits a moment for a slot (a busy but
/// healthy endpoint keeps its deliveries on the fast path); when none frees up in time the caller hands it to the endpoint's
/// own schedule, so a slow endpoint cannot take over the shared consumer.
/// </summary>
internal sealed class EndpointBulkhead(IOptions<WebhookOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new();

    public Task<bool> TryEnterAsync(string endpointId, CancellationToken cancellationToken) =>
        _slots.GetOrAdd(endpointId, _ => new SemaphoreSlim(options.Value.MaxConcurrentPerEndpoint))
            .WaitAsync(options.Value.SlotWait, cancellationToken);

    public void Exit(string endpointId) => _slots[endpointId].Release();

    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Dispose();
        }
    }
}
