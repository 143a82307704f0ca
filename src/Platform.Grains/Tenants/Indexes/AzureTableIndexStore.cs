using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Platform.Grains.Storage;

namespace Platform.Grains.Tenants.Indexes;

/// <summary>Index tables in Azure Table storage: one table per index, created on first use.</summary>
public sealed class AzureTableIndexStore(TableServiceClient tables) : IIndexStore
{
    private const string DataColumn = "Data";
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _clients = new();

    public async Task UpsertAsync(string table, IndexRow row, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(TableKeys.Escape(row.Partition), TableKeys.Escape(row.RowKey)) { [DataColumn] = row.Data };
        foreach (var (name, value) in row.Columns ?? new Dictionary<string, string>())
        {
            entity[name] = value;
        }

        await (await ClientAsync(table)).UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task DeleteAsync(string table, string partition, string rowKey, CancellationToken cancellationToken = default) =>
        await (await ClientAsync(table)).DeleteEntityAsync(TableKeys.Escape(partition), TableKeys.Escape(rowKey), ETag.All, cancellationToken);

    public async Task<IndexRow?> GetAsync(string table, string partition, string rowKey, CancellationToken cancellationToken = default)
    {
        var found = await (await ClientAsync(table)).GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(partition), TableKeys.Escape(rowKey), cancellationToken: cancellationToken);
        return found.HasValue ? ToRow(found.Value!, partition, rowKey) : null;
    }

    public async Task<IReadOnlyList<IndexRow>> ListAsync(
        string table, string partition, string? after, int limit, IReadOnlyDictionary<string, string>? equals = null, CancellationToken cancellationToken = default)
    {
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(partition)}") };
        if (after is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey gt {TableKeys.Escape(after)}"));
        }

        // Column names come from our code; only values come from callers, and CreateQueryFilter escapes those.
        filters.AddRange((equals ?? new Dictionary<string, string>()).Select(pair =>
            pair.Key + TableClient.CreateQueryFilter($" eq {pair.Value}")));

        var rows = new List<IndexRow>(limit);
        await foreach (var entity in (await ClientAsync(table)).QueryAsync<TableEntity>(
            string.Join(" and ", filters), maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(ToRow(entity, partition, entity.RowKey));
            if (rows.Count == limit)
            {
                break;
            }
        }

        return rows;
    }

    // Keys are escaped on the way in; callers get back the keys they wrote (row keys of index tables never need escaping).
    private static IndexRow ToRow(TableEntity entity, string partition, string rowKey) => new(
        partition,
        rowKey,
        entity.GetString(DataColumn) ?? "",
        entity.Keys.Where(key => key is not (DataColumn or "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .ToDictionary(key => key, key => entity[key]?.ToString() ?? ""));

    private Task<TableClient> ClientAsync(string table) =>
        _clients.GetOrAdd(table, name => new Lazy<Task<TableClient>>(async () =>
        {
            var client = tables.GetTableClient(name);
            await client.CreateIfNotExistsAsync();
            return client;
        })).Value;
}
