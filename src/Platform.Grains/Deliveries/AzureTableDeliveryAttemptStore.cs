using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Grains.Deliveries;

/// <summary>
/// Attempts in Azure Table storage: partition = <c>tenant|endpoint</c>, row keys newest first (<see cref="DeliveryAttemptKeys"/>).
/// Written in entity group transactions per endpoint by <see cref="TableBatches"/>; an endpoint's partition is trimmed (age and
/// count) at most once per <see cref="WebhookDeliveryOptions.AttemptTrimInterval"/>, after a write, by one keys-only scan.
/// </summary>
public sealed partial class AzureTableDeliveryAttemptStore(
    TableServiceClient tables, IOptions<WebhookDeliveryOptions> options, TimeProvider time, ILogger<AzureTableDeliveryAttemptStore> logger)
    : IDeliveryAttemptStore, IAsyncDisposable
{
    public const string Table = "webhookattempts";

    // Attempts waiting for storage beyond this are dropped (and logged): the record must never grow memory without bound.
    private const int MaxWaiting = 20_000;

    private readonly TableClient _table = tables.GetTableClient(Table);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _trimmed = new();
    private readonly TableBatches _batches = new(tables.GetTableClient(Table));

    public static Task CreateTableAsync(TableServiceClient tables, CancellationToken cancellationToken) =>
        tables.CreateTableIfNotExistsAsync(Table, cancellationToken);

    public void Record(WebhookDeliveryKey endpoint, DeliveryAttempt attempt)
    {
        if (_batches.Waiting >= MaxWaiting)
        {
            LogDropped(attempt.DeliveryId, attempt.Number);
            return;
        }

        var partition = DeliveryAttemptKeys.Partition(endpoint);
        var row = new TableEntity(partition, DeliveryAttemptKeys.Row(attempt))
        {
            ["DeliveryId"] = attempt.DeliveryId,
            ["EventId"] = attempt.EventId,
            ["Type"] = attempt.Type,
            ["Number"] = attempt.Number,
            ["At"] = attempt.At,
            ["StatusCode"] = attempt.StatusCode,
            ["LatencyMs"] = attempt.LatencyMs,
            ["Outcome"] = attempt.Outcome,
            ["Error"] = attempt.Error,
            ["Response"] = attempt.ResponseExcerpt,
        };
        var chars = 200 + (attempt.Error?.Length ?? 0) + (attempt.ResponseExcerpt?.Length ?? 0);
        _ = StoreAsync(partition, row, chars, attempt);
    }

    public async Task<DeliveryAttemptPage> ListAsync(WebhookDeliveryKey endpoint, DeliveryAttemptQuery query, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryAttemptKeys.Partition(endpoint)}");
        if (query.Cursor is { } cursor && DeliveryAttemptKeys.RowKey(cursor) is { } after)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (query.Outcome is { } outcome)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Outcome eq {outcome}");
        }

        if (query.EventId is { } eventId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"EventId eq {eventId}");
        }

        var rows = new List<TableEntity>(query.Limit + 1);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(query.Limit + 1, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > query.Limit)
            {
                break;
            }
        }

        var more = rows.Count > query.Limit;
        var page = rows.Take(query.Limit).ToList();
        return new DeliveryAttemptPage([.. page.Select(Read)], more ? DeliveryAttemptKeys.Cursor(page[^1].RowKey) : null);
    }

    private async Task StoreAsync(string partition, TableEntity row, long chars, DeliveryAttempt attempt)
    {
        try
        {
            await _batches.SubmitAsync(row, chars);
        }
        catch (Exception exception)
        {
            LogNotStored(attempt.DeliveryId, attempt.Number, exception);
            return;
        }

        var now = time.GetUtcNow();
        if (_trimmed.TryGetValue(partition, out var last) && now - last < options.Value.AttemptTrimInterval)
        {
            return;
        }

        _trimmed[partition] = now;
        try
        {
            await TrimAsync(partition, now);
        }
        catch (RequestFailedException exception)
        {
            LogTrimFailed(partition, exception);
        }
    }

    // Keys only, newest first: everything past the count limit or older than the retention goes, 100 deletes per transaction.
    private async Task TrimAsync(string partition, DateTimeOffset now)
    {
        var oldest = DeliveryAttemptKeys.Newest(now - options.Value.AttemptRetention);
        var keep = options.Value.MaxAttemptsPerEndpoint;
        var seen = 0;
        var doomed = new List<TableTransactionAction>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1000, select: ["RowKey"]))
        {
            if (++seen > keep || string.CompareOrdinal(row.RowKey, oldest) > 0)
            {
                doomed.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey), ETag.All));
            }

            if (doomed.Count == 100)
            {
                await _table.SubmitTransactionAsync(doomed);
                doomed.Clear();
            }
        }

        if (doomed.Count > 0)
        {
            await _table.SubmitTransactionAsync(doomed);
        }
    }

    // At shutdown the attempts made last are still on their way to storage; a moment lets them arrive.
    public ValueTask DisposeAsync() => new(_batches.DrainAsync(TimeSpan.FromSeconds(5)));

    private static DeliveryAttempt Read(TableEntity row) => new(
        row.GetString("DeliveryId"),
        row.GetString("EventId"),
        row.GetString("Type"),
        row.GetInt32("Number") ?? 0,
        row.GetDateTimeOffset("At") ?? default,
        row.GetInt32("StatusCode"),
        row.GetInt64("LatencyMs") ?? 0,
        row.GetString("Outcome"),
        row.GetString("Error"),
        row.GetString("Response"));

    [LoggerMessage(LogLevel.Warning, "Attempt {Number} of delivery {DeliveryId} was not recorded: too many attempts wait for storage")]
    private partial void LogDropped(string deliveryId, int number);

    [LoggerMessage(LogLevel.Warning, "Attempt {Number} of delivery {DeliveryId} was not recorded")]
    private partial void LogNotStored(string deliveryId, int number, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Trimming the attempts of {Partition} failed; the next write tries again after the trim interval")]
    private partial void LogTrimFailed(string partition, Exception exception);
}
