using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Platform.Grains.Storage;

namespace Platform.Host.Media;

/// <summary>
/// Media in Azure Storage: the bytes as a blob (<c>media/{tenant}/{id}</c>, with the file's Content-Type); the record as a
/// row of the <c>media</c> table (partition: tenant, row: id); and one row per customer and file in <c>mediacustomers</c>
/// (partition: tenant and customer), so erasing a customer reads one partition instead of scanning; a received file is also
/// found by Meta's media id (a row in partition <c>{tenant}|meta</c> of the <c>media</c> table).
/// </summary>
public sealed class AzureMediaStore(BlobServiceClient blobs, TableServiceClient tables) : IMediaStore
{
    public const string Container = "media";
    public const string RecordsTable = "media";
    public const string CustomersTable = "mediacustomers";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);
    private readonly TableClient _records = tables.GetTableClient(RecordsTable);
    private readonly TableClient _customers = tables.GetTableClient(CustomersTable);

    /// <summary>Creates the container and tables before the host serves traffic.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _records.CreateIfNotExistsAsync(cancellationToken);
        await _customers.CreateIfNotExistsAsync(cancellationToken);
    }

    public async Task SaveAsync(MediaRecord record, Stream content, CancellationToken cancellationToken)
    {
        await Blob(record.TenantId, record.Id).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = record.MimeType } },
            cancellationToken);
        if (record.CustomerWaId is { } waId)
        {
            await LinkRowAsync(record.TenantId, waId, record.Id, cancellationToken);
        }

        if (record.MetaSourceId is { } metaId)
        {
            await _records.UpsertEntityAsync(
                new TableEntity(SourcePartition(record.TenantId), TableKeys.Escape(metaId)) { ["MediaId"] = record.Id }, TableUpdateMode.Replace, cancellationToken);
        }

        await _records.UpsertEntityAsync(Row(record), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> FindReceivedAsync(string tenantId, string metaMediaId, CancellationToken cancellationToken)
    {
        var row = await _records.GetEntityIfExistsAsync<TableEntity>(SourcePartition(tenantId), TableKeys.Escape(metaMediaId), ["MediaId"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("MediaId") : null;
    }

    public async Task<MediaRecord?> GetAsync(string tenantId, string mediaId, CancellationToken cancellationToken) =>
        (await ReadAsync(tenantId, mediaId, cancellationToken))?.Record;

    public async Task<Stream?> OpenAsync(string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        if (await GetAsync(tenantId, mediaId, cancellationToken) is null)
        {
            return null;
        }

        try
        {
            return await Blob(tenantId, mediaId).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public Task RecordMetaUploadAsync(string tenantId, string mediaId, string phoneNumberId, MetaUpload upload, CancellationToken cancellationToken) =>
        UpdateAsync(tenantId, mediaId, record => record with { MetaUploads = record.MetaUploads.SetItem(phoneNumberId, upload) }, cancellationToken);

    public async Task LinkCustomerAsync(string tenantId, string mediaId, string waId, CancellationToken cancellationToken)
    {
        await LinkRowAsync(tenantId, waId, mediaId, cancellationToken);
        await UpdateAsync(tenantId, mediaId, record => record.Customers.Contains(waId) ? record : record with { Customers = record.Customers.Add(waId) }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        if (await GetAsync(tenantId, mediaId, cancellationToken) is not { } record)
        {
            return false;
        }

        await Blob(tenantId, mediaId).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await _records.DeleteEntityAsync(TableKeys.Escape(tenantId), mediaId, ETag.All, cancellationToken);
        if (record.MetaSourceId is { } metaId)
        {
            await _records.DeleteEntityAsync(SourcePartition(tenantId), TableKeys.Escape(metaId), ETag.All, cancellationToken);
        }
        foreach (var waId in record.AllCustomers)
        {
            await _customers.DeleteEntityAsync(CustomerPartition(tenantId, waId), mediaId, ETag.All, cancellationToken);
        }

        return true;
    }

    public async Task<IReadOnlyList<MediaRecord>> ListByCustomerAsync(string tenantId, string waId, CancellationToken cancellationToken)
    {
        var found = new List<MediaRecord>();
        var links = _customers.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {CustomerPartition(tenantId, waId)}"), select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var link in links)
        {
            if (await GetAsync(tenantId, link.RowKey, cancellationToken) is { } record)
            {
                found.Add(record);
            }
        }

        return found;
    }

    public async Task<int> DeleteByCustomerAsync(string tenantId, string waId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var record in await ListByCustomerAsync(tenantId, waId, cancellationToken))
        {
            if (record.IsOnlyAbout(waId))
            {
                deleted += await DeleteAsync(tenantId, record.Id, cancellationToken) ? 1 : 0;
            }
            else
            {
                await UpdateAsync(tenantId, record.Id, current => current with { Customers = current.Customers.Remove(waId) }, cancellationToken);
                await _customers.DeleteEntityAsync(CustomerPartition(tenantId, waId), record.Id, ETag.All, cancellationToken);
            }
        }

        return deleted;
    }

    private BlobClient Blob(string tenantId, string mediaId) => _container.GetBlobClient($"{Uri.EscapeDataString(tenantId)}/{mediaId}");

    private static string SourcePartition(string tenantId) => TableKeys.Escape($"{tenantId}|meta");

    private static string CustomerPartition(string tenantId, string waId) => TableKeys.Escape($"{tenantId}|{waId}");

    private async Task LinkRowAsync(string tenantId, string waId, string mediaId, CancellationToken cancellationToken) =>
        await _customers.UpsertEntityAsync(new TableEntity(CustomerPartition(tenantId, waId), mediaId), TableUpdateMode.Replace, cancellationToken);

    private async Task<(MediaRecord Record, ETag ETag)?> ReadAsync(string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        if (!MediaIdFormat.IsValid(mediaId))
        {
            return null;
        }

        var row = await _records.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(tenantId), mediaId, ["Data"], cancellationToken);
        return row.HasValue ? (JsonSerializer.Deserialize<MediaRecord>(row.Value!.GetString("Data"), Json)!, row.Value.ETag) : null;
    }

    // Two sends may record uploads of the same file at once: write only over the version read, and read again when it moved.
    private async Task UpdateAsync(string tenantId, string mediaId, Func<MediaRecord, MediaRecord> change, CancellationToken cancellationToken)
    {
        while (await ReadAsync(tenantId, mediaId, cancellationToken) is { } current)
        {
            var changed = change(current.Record);
            if (ReferenceEquals(changed, current.Record))
            {
                return;
            }

            try
            {
                await _records.UpdateEntityAsync(Row(changed), current.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Someone else changed the record; apply the change to their version.
            }
        }
    }

    private static TableEntity Row(MediaRecord record) => new(TableKeys.Escape(record.TenantId), record.Id)
    {
        ["Data"] = JsonSerializer.Serialize(record, Json),
        ["Direction"] = record.Direction,
    };
}
