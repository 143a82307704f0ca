using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Platform.Grains.Storage;

namespace Platform.Grains.Messages;

/// <summary>
/// The history in Azure Table storage: one row per message (partition: tenant; row: <see cref="HistoryKeys.RowKey"/>, so a
/// tenant's messages sort newest first and a time range is a row-key range), with the filterable fields as columns beside
/// the record's JSON; and one row per wamid (partition: tenant), written once when Meta names the message.
/// </summary>
public sealed class AzureTableMessageStore(TableServiceClient tables) : IMessageStore
{
    public const string MessagesTable = "messages";
    public const string WamidsTable = "messagewamids";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _messages = tables.GetTableClient(MessagesTable);
    private readonly TableClient _wamids = tables.GetTableClient(WamidsTable);

    public async Task<MessageRecord?> GetAsync(string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        if (HistoryKeys.RowKey(messageId) is not { } rowKey)
        {
            return null;
        }

        var row = await _messages.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(tenantId), rowKey, ["Data"], cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task SaveAsync(MessageRecord record, CancellationToken cancellationToken = default)
    {
        var rowKey = HistoryKeys.RowKey(record.Id) ?? throw new ArgumentException($"'{record.Id}' is not a message id.", nameof(record));
        var row = new TableEntity(TableKeys.Escape(record.TenantId), rowKey)
        {
            ["Data"] = JsonSerializer.Serialize(record, Json),
            ["PhoneNumberId"] = record.PhoneNumberId,
            ["CustomerWaId"] = record.CustomerWaId,
            ["Direction"] = record.Direction,
            ["Status"] = record.Status,
        };
        await _messages.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task LinkWamidAsync(string wamid, string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(TableKeys.Escape(tenantId), TableKeys.Escape(wamid)) { ["MessageId"] = messageId };
        await _wamids.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task UnlinkWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default) =>
        await _wamids.DeleteEntityAsync(TableKeys.Escape(tenantId), TableKeys.Escape(wamid), ETag.All, cancellationToken);

    public async Task<string?> FindByWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default)
    {
        var row = await _wamids.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(tenantId), TableKeys.Escape(wamid), ["MessageId"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("MessageId") : null;
    }

    public async Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken = default)
    {
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(query.TenantId)}") };
        if (query.Cursor is { } cursor)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey gt {cursor}"));
        }

        if (query.CreatedBefore is { } before)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey gt {HistoryKeys.Floor(before)}"));
        }

        if (query.CreatedAfter is { } after)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey le {HistoryKeys.Floor(after)}"));
        }

        AddEquals(filters, "PhoneNumberId", query.PhoneNumberId);
        AddEquals(filters, "CustomerWaId", query.CustomerWaId);
        AddEquals(filters, "Direction", query.Direction);
        AddEquals(filters, "Status", query.Status);

        var page = new List<MessageRecord>();
        string? last = null;
        await foreach (var row in _messages.QueryAsync<TableEntity>(string.Join(" and ", filters), maxPerPage: Math.Min(1000, query.Limit + 1), ["RowKey", "Data"], cancellationToken))
        {
            if (page.Count == query.Limit)
            {
                return new MessagePage(page, last);
            }

            page.Add(Read(row));
            last = row.RowKey;
        }

        return new MessagePage(page, null);
    }

    private static void AddEquals(List<string> filters, string column, string? value)
    {
        if (value is not null)
        {
            // The column is ours; only the value needs quoting.
            filters.Add($"{column} eq {TableClient.CreateQueryFilter($"{value}")}");
        }
    }

    private static MessageRecord Read(TableEntity row) => JsonSerializer.Deserialize<MessageRecord>(row.GetString("Data"), Json)!;

    /// <summary>Creates the tables; the host calls it once at start-up, before it serves traffic.</summary>
    public static async Task CreateTablesAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        try
        {
            await tables.CreateTableIfNotExistsAsync(MessagesTable, cancellationToken);
            await tables.CreateTableIfNotExistsAsync(WamidsTable, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Another silo created it between the check and the create.
        }
    }
}
