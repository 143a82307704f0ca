using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Platform.Grains.Storage;

namespace Platform.Grains.Deliveries;

/// <summary>
/// The index in Azure Table storage: one row per endpoint with a backlog (partition <c>pending</c>, row = the escaped grain
/// key), read page by page. Only failing endpoints have a row, so the table stays small.
/// </summary>
public sealed class AzureTablePendingDeliveryIndex(TableServiceClient tables) : IPendingDeliveryIndex
{
    public const string Table = "webhookpending";
    private const string Partition = "pending";

    private readonly TableClient _table = tables.GetTableClient(Table);
    private volatile bool _created;

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
