using System.Collections.Concurrent;

namespace Platform.Grains.Messages;

/// <summary>The history of the embedded mode: lives as long as the process.</summary>
public sealed class InMemoryMessageStore : IMessageStore
{
    private readonly ConcurrentDictionary<(string TenantId, string MessageId), MessageRecord> _records = new();
    private readonly ConcurrentDictionary<(string TenantId, string Wamid), string> _wamids = new();

    public Task<MessageRecord?> GetAsync(string tenantId, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.GetValueOrDefault((tenantId, messageId)));

    public Task SaveAsync(MessageRecord record, CancellationToken cancellationToken = default)
    {
        _records[(record.TenantId, record.Id)] = record;
        return Task.CompletedTask;
    }

    public Task LinkWamidAsync(string wamid, string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        _wamids[(tenantId, wamid)] = messageId;
        return Task.CompletedTask;
    }

    public Task<string?> FindByWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default) =>
        Task.FromResult(_wamids.GetValueOrDefault((tenantId, wamid)));
}
