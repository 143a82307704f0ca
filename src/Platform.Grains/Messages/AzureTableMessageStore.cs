using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Platform.Grains.Storage;

namespace Platform.Grains.Messages;

/// <summary>
/// The history in Azure Table storage: one row per message (partition: tenant, row: message id, so a tenant's messages sort
/// by time) and one row per wamid (partition: tenant), written once when Meta names the message.
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
        var row = await _messages.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(tenantId), TableKeys.Escape(messageId), ["Data"], cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize<MessageRecord>(row.Value!.GetString("Data"), Json) : null;
    }

    public async Task SaveAsync(MessageRecord record, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(TableKeys.Escape(record.TenantId), TableKeys.Escape(record.Id))
        {
            ["Data"] = JsonSerializer.Serialize(record, Json),
        };
        await _messages.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task LinkWamidAsync(string wamid, string tenantId, string messageId, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(TableKeys.Escape(tenantId), TableKeys.Escape(wamid)) { ["MessageId"] = messageId };
        await _wamids.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> FindByWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default)
    {
        var row = await _wamids.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(tenantId), TableKeys.Escape(wamid), ["MessageId"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("MessageId") : null;
    }

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
