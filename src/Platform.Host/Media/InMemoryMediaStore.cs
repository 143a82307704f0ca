using System.Collections.Concurrent;

namespace Platform.Host.Media;

/// <summary>The embedded mode's media store: files live in this process's memory and go with it.</summary>
public sealed class InMemoryMediaStore : IMediaStore
{
    private readonly ConcurrentDictionary<(string TenantId, string MediaId), (MediaRecord Record, byte[] Bytes)> _files = new();

    public async Task SaveAsync(MediaRecord record, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        _files[(record.TenantId, record.Id)] = (record, copy.ToArray());
    }

    public Task<MediaRecord?> GetAsync(string tenantId, string mediaId, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryGetValue((tenantId, mediaId), out var file) ? file.Record : null);

    public Task<string?> FindReceivedAsync(string tenantId, string metaMediaId, CancellationToken cancellationToken) =>
        Task.FromResult(_files.Values.Select(file => file.Record).FirstOrDefault(record => record.TenantId == tenantId && record.MetaSourceId == metaMediaId)?.Id);

    public Task<Stream?> OpenAsync(string tenantId, string mediaId, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_files.TryGetValue((tenantId, mediaId), out var file) ? new MemoryStream(file.Bytes, writable: false) : null);

    public Task RecordMetaUploadAsync(string tenantId, string mediaId, string phoneNumberId, MetaUpload upload, CancellationToken cancellationToken)
    {
        Update(tenantId, mediaId, record => record with { MetaUploads = record.MetaUploads.SetItem(phoneNumberId, upload) });
        return Task.CompletedTask;
    }

    public Task LinkCustomerAsync(string tenantId, string mediaId, string waId, CancellationToken cancellationToken)
    {
        Update(tenantId, mediaId, record => record with { Customers = record.Customers.Add(waId) });
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string tenantId, string mediaId, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryRemove((tenantId, mediaId), out _));

    public Task<IReadOnlyList<MediaRecord>> ListByCustomerAsync(string tenantId, string waId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MediaRecord>>(
            [.. _files.Values.Select(file => file.Record).Where(record => record.TenantId == tenantId && record.AllCustomers.Contains(waId)).OrderBy(record => record.Id, StringComparer.Ordinal)]);

    public async Task<int> DeleteByCustomerAsync(string tenantId, string waId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var record in await ListByCustomerAsync(tenantId, waId, cancellationToken))
        {
            if (record.IsOnlyAbout(waId))
            {
                deleted += _files.TryRemove((tenantId, record.Id), out _) ? 1 : 0;
            }
            else
            {
                Update(tenantId, record.Id, current => current with { Customers = current.Customers.Remove(waId) });
            }
        }

        return deleted;
    }

    private void Update(string tenantId, string mediaId, Func<MediaRecord, MediaRecord> change)
    {
        while (_files.TryGetValue((tenantId, mediaId), out var file))
        {
            if (_files.TryUpdate((tenantId, mediaId), (change(file.Record), file.Bytes), file))
            {
                return;
            }
        }
    }
}
