using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Platform.Grains.Storage;

namespace Platform.Grains.Deliveries;

/// <summary>
/// Dead letters in Azure Table storage: partition = tenant id (or <c>inbound</c>), row = the letter's id. The body is split
/// over several columns because one string column holds at most 64 KiB.
/// </summary>
public sealed class AzureTableDeadLetterStore(TableServiceClient tables) : IDeadLetterStore
{
    public const string Table = "deadletters";
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 30;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient(Table);
    private volatile bool _created;

    public async Task AddAsync(DeadLetter letter)
    {
        await EnsureTableAsync();
        var row = new TableEntity(TableKeys.Escape(letter.Partition), TableKeys.Escape(letter.Id))
        {
            ["Data"] = JsonSerializer.Serialize(letter with { Body = "" }, Json),
        };
        var body = letter.Body;
        for (var chunk = 0; chunk * ChunkChars < body.Length && chunk < MaxChunks; chunk++)
        {
            row[$"Body{chunk}"] = body.Substring(chunk * ChunkChars, Math.Min(ChunkChars, body.Length - (chunk * ChunkChars)));
        }

        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string partition, int limit, string? after = null, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(partition)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(partition)} and RowKey gt {TableKeys.Escape(after)}");
        var letters = new List<DeadLetter>(limit);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            letters.Add(Read(row));
            if (letters.Count == limit)
            {
                break;
            }
        }

        return letters;
    }

    public async Task<DeadLetter?> GetAsync(string partition, string id, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(partition), TableKeys.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task RemoveAsync(string partition, string id)
    {
        await EnsureTableAsync();
        await _table.DeleteEntityAsync(TableKeys.Escape(partition), TableKeys.Escape(id));
    }

    private static DeadLetter Read(TableEntity row)
    {
        var letter = JsonSerializer.Deserialize<DeadLetter>(row.GetString("Data"), Json)!;
        var body = new StringBuilder();
        for (var chunk = 0; row.GetString($"Body{chunk}") is { } part; chunk++)
        {
            body.Append(part);
        }

        return letter with { Body = body.ToString() };
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
