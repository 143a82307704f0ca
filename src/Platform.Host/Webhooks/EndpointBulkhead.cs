using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Host.Webhooks;

/// <summary>Counts the first attempts in flight per endpoint in this process, so no endpoint takes more than its share of the consumer.</summary>
internal sealed class EndpointBulkhead(IOptions<WebhookOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new();

    public bool TryEnter(string endpointId)
    {
        var limit = options.Value.MaxConcurrentPerEndpoint;
        while (true)
        {
            var current = _inFlight.GetOrAdd(endpointId, 0);
            if (current >= limit)
            {
                return false;
            }

            if (_inFlight.TryUpdate(endpointId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Exit(string endpointId) => _inFlight.AddOrUpdate(endpointId, 0, (_, current) => Math.Max(0, current - 1));
}
