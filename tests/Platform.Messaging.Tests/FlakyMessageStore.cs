using System.Collections.Concurrent;
using Platform.Grains.Messages;

namespace Platform.Messaging.Tests;

/// <summary>
/// The history store with one fault a test can ask for: the first write of a message whose content holds a marker fails, as
/// if the silo died after the message was queued and before its record was written.
/// </summary>
public sealed class FlakyMessageStore(IMessageStore inner) : IMessageStore
{
    private readonly ConcurrentDictionary<string, bool> _markers = new();

    public void LoseFirstRecordOf(string marker) => _markers[marker] = true;

    public Task<MessageRecord?> GetAsync(string tenantId, string messageId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(tenantId, messageId, cancellationToken);

    public Task SaveAsync(MessageRecord record, CancellationToken cancellationToken = default)
    {
        foreach (var marker in _markers.Keys)
        {
            if (record.Content.Contains(marker, StringComparison.Ordinal) && _markers.TryRemove(marker, out _))
            {
                throw new IOException("The storage is unreachable (injected by the test).");
            }
        }

        return inner.SaveAsync(record, cancellationToken);
    }

    public Task LinkWamidAsync(string wamid, string tenantId, string messageId, CancellationToken cancellationToken = default) =>
        inner.LinkWamidAsync(wamid, tenantId, messageId, cancellationToken);

    public Task UnlinkWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default) =>
        inner.UnlinkWamidAsync(tenantId, wamid, cancellationToken);

    public Task<string?> FindByWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default) =>
        inner.FindByWamidAsync(tenantId, wamid, cancellationToken);

    public Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(query, cancellationToken);
}
