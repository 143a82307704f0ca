using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Platform.Grains.Storage;

namespace Platform.Grains.Deliveries;

/// <summary>
/// The index in Azure Table storage: one row per endpoint with a backlog (partition <c>pending</c>, row = the escaped grain
/// key), read page by page; only failing endpoints have a row, so it stays small. Spilled deliveries live in the same table,
/// one partition per endpoint (<c>spill|tenant|endpoint</c>, row = arrival sequence), written in entity group transactions
/// and read oldest first; the body is split over columns because one string column holds at most 64 KiB.
/// </summary>
public sealed class AzureTablePendingDeliveryIndex(TableServiceClient tables) : IPendingDeliveryIndex
{
    public const string Table = "webhookpending";
    private const string Partition = "pending";
    private const int ChunkChars = 30_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient(Table);
    private volatile bool _created;
    private readonly TableBatches _batches = new(tables.GetTableClient(Table));

    public static Task CreateTableAsync(TableServiceClient tables, CancellationToken cancellationToken) =>
        tables.CreateTableIfNotExistsAsync(Table, cancellationToken);

    public async Task MarkAsync(WebhookDeliveryKey key)
    {
        await EnsureTableAsync();
        var row = new TableEntity(Partition, TableKeys.Escape(key.ToString())) { ["Key"] = key.ToString() };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace);
    }

    public async Task ClearAsync(WebhookDeliveryKey key)
    {
        await EnsureTableAsync();
        await _table.DeleteEntityAsync(Partition, TableKeys.Escape(key.ToString()));
    }

    public async IAsyncEnumerable<WebhookDeliveryKey> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: 1000, select: ["Key"], cancellationToken: cancellationToken))
        {
            yield return WebhookDeliveryKey.Parse(row.GetString("Key"));
        }
    }

    public async Task SpillAsync(WebhookDeliveryKey key, SpilledDelivery delivery)
    {
        await EnsureTableAsync();
        var row = new TableEntity(SpillPartition(key), delivery.Sequence)
        {
            ["Data"] = JsonSerializer.Serialize(delivery.Item with { Delivery = delivery.Item.Delivery with { Body = "" } }, Json),
        };
        var body = delivery.Item.Delivery.Body;
        for (var chunk = 0; chunk * ChunkChars < body.Length; chunk++)
        {
            row[$"Body{chunk}"] = body.Substring(chunk * ChunkChars, Math.Min(ChunkChars, body.Length - (chunk * ChunkChars)));
        }

        await _batches.SubmitAsync(row, 600 + body.Length);
    }

    public async Task<IReadOnlyList<SpilledDelivery>> PeekSpilledAsync(WebhookDeliveryKey key, int limit)
    {
        await EnsureTableAsync();
        var spilled = new List<SpilledDelivery>(limit);
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {SpillPartition(key)}"), maxPerPage: Math.Min(limit, 1000)))
        {
            spilled.Add(Read(row));
            if (spilled.Count == limit)
            {
                break;
            }
        }

        return spilled;
    }

    public async Task RemoveSpilledAsync(WebhookDeliveryKey key, IReadOnlyList<string> sequences)
    {
        await EnsureTableAsync();
        var partition = SpillPartition(key);
        foreach (var chunk in sequences.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(sequence =>
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, sequence), ETag.All)));
        }
    }

    public async Task<int> CountSpilledAsync(WebhookDeliveryKey key)
    {
        await EnsureTableAsync();
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {SpillPartition(key)}"), maxPerPage: 1000, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static string SpillPartition(WebhookDeliveryKey key) => "spill|" + TableKeys.Escape(key.ToString());

    private static SpilledDelivery Read(TableEntity row)
    {
        var item = JsonSerializer.Deserialize<ScheduledDelivery>(row.GetString("Data"), Json)!;
        var body = new StringBuilder();
        for (var chunk = 0; row.GetString($"Body{chunk}") is { } part; chunk++)
        {
            body.Append(part);
        }

        return new SpilledDelivery(row.RowKey, item with { Delivery = item.Delivery with { Body = body.ToString() } });
    }

    // Created on first use rather than at start-up, and retried after a failure: a storage outage must not stick.
    private async Task EnsureTableAsync()
    {
        if (_created)
        {
            return;
        }

        try
        {
            await tables.CreateTableIfNotExistsAsync(Table);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Another silo created it between the check and the create.
        }

        _created = true;
    }
}
