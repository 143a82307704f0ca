using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Platform.Billing.Ledger;

namespace Platform.Billing.Storage;

/// <summary>
/// The ledger in Azure Table storage. A tenant-bucket is one partition holding its rows (<c>m|msg id</c>) and its pushes
/// (<c>p|category|seq</c>), so new rows go in entity group transactions of 100, and creating a push with the assignment
/// of its rows is one atomic transaction. Amounts are stored as decimal strings.
/// </summary>
public sealed class AzureTableUsageLedger(TableServiceClient tables, BillingTables names) : IUsageLedger
{
    private const int TransactionSize = 100;
    private const string DirtyPartitionKey = "dirty";
    private readonly TableClient _ledger = tables.GetTableClient(names.Ledger);
    private readonly TableClient _dirty = tables.GetTableClient(names.Dirty);
    private readonly TableClient _summaries = tables.GetTableClient(names.Summaries);

    public async Task<int> AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var partitions = entries.DistinctBy(e => (e.TenantId, e.MessageId)).GroupBy(e => (e.TenantId, e.Bucket));
        var added = await Task.WhenAll(partitions.Select(partition => AppendPartitionAsync(partition.Key.TenantId, partition.Key.Bucket, partition.ToList(), cancellationToken)));
        return added.Sum();
    }

    private async Task<int> AppendPartitionAsync(string tenantId, DateTimeOffset bucket, List<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        // The mark goes first: a crash after it leaves a harmless mark, never rows the meter does not know about.
        await _dirty.UpsertEntityAsync(new TableEntity(DirtyPartitionKey, PartitionKey(tenantId, bucket)), TableUpdateMode.Replace, cancellationToken);
        var added = 0;
        foreach (var chunk in entries.Chunk(TransactionSize))
        {
            var pending = chunk.Select(ToEntity).ToList();
            try
            {
                await _ledger.SubmitTransactionAsync(pending.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                added += pending.Count;
            }
            catch (TableTransactionFailedException failed) when (failed.Status == 409)
            {
                // A row that exists is a redelivery and stays as it is. Redeliveries come in runs (a whole batch after a
                // restart), so the rest go one by one, side by side, rather than one transaction per duplicate.
                var inserted = await Task.WhenAll(pending.Select(entity => AddIfAbsentAsync(entity, cancellationToken)));
                added += inserted.Count(ok => ok);
            }
        }

        return added;
    }

    private async Task<bool> AddIfAbsentAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _ledger.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DirtyPartition>> DirtyAsync(int max, CancellationToken cancellationToken)
    {
        var dirty = new List<DirtyPartition>();
        await foreach (var entity in _dirty.QueryAsync<TableEntity>(e => e.PartitionKey == DirtyPartitionKey, maxPerPage: max, cancellationToken: cancellationToken))
        {
            var (tenantId, bucket) = SplitPartitionKey(entity.RowKey);
            dirty.Add(new DirtyPartition(tenantId, bucket, entity.ETag.ToString()));
            if (dirty.Count >= max)
            {
                break;
            }
        }

        return dirty;
    }

    public async Task<bool> ClearDirtyAsync(DirtyPartition dirty, CancellationToken cancellationToken)
    {
        try
        {
            await _dirty.DeleteEntityAsync(DirtyPartitionKey, PartitionKey(dirty.TenantId, dirty.Bucket), new ETag(dirty.Version), cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task<LedgerPartition> ReadAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        var key = PartitionKey(tenantId, bucket);
        var unassigned = new List<LedgerEntry>();
        var rows = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ge {"m|"} and RowKey lt {"m}"} and Assigned eq {false}");
        await foreach (var entity in _ledger.QueryAsync<TableEntity>(rows, cancellationToken: cancellationToken))
        {
            unassigned.Add(ToEntry(entity));
        }

        var pushes = new List<MeterPush>();
        var groups = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ge {"p|"} and RowKey lt {"p}"}");
        await foreach (var entity in _ledger.QueryAsync<TableEntity>(groups, cancellationToken: cancellationToken))
        {
            pushes.Add(ToPush(entity, tenantId, bucket));
        }

        return new LedgerPartition(tenantId, bucket, unassigned, pushes);
    }

    public async Task<bool> AssignAsync(MeterPush push, IReadOnlyList<LedgerEntry> rows, CancellationToken cancellationToken)
    {
        var key = PartitionKey(push.TenantId, push.Bucket);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ToEntity(push)) };
        actions.AddRange(rows.Select(row => new TableTransactionAction(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(key, EntryRowKey(row.MessageId)) { ["PushSeq"] = push.Seq, ["Assigned"] = true },
            new ETag(row.Version ?? throw new InvalidOperationException("Only rows read from the ledger can be assigned.")))));
        try
        {
            await _ledger.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException failed) when (failed.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task UpdatePushAsync(MeterPush push, CancellationToken cancellationToken) =>
        await _ledger.UpdateEntityAsync(ToEntity(push), ETag.All, TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> ReplacePushAsync(MeterPush push, CancellationToken cancellationToken)
    {
        try
        {
            await _ledger.UpdateEntityAsync(ToEntity(push), new ETag(push.Version ?? throw new InvalidOperationException("Only a push read from the ledger can be replaced.")), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task MarkDirtyAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken) =>
        await _dirty.UpsertEntityAsync(new TableEntity(DirtyPartitionKey, PartitionKey(tenantId, bucket)), TableUpdateMode.Replace, cancellationToken);

    public async Task WriteSummariesAsync(IReadOnlyList<UsageSummary> summaries, CancellationToken cancellationToken)
    {
        foreach (var tenant in summaries.GroupBy(s => s.TenantId))
        {
            foreach (var chunk in tenant.Chunk(TransactionSize))
            {
                await _summaries.SubmitTransactionAsync(chunk.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(s))), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<UsageSummary>> SummariesAsync(string? tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var low = LedgerBuckets.Key(LedgerBuckets.Of(since));
        var high = LedgerBuckets.Key(LedgerBuckets.Of(until) == until ? until : LedgerBuckets.Of(until).AddHours(1));
        var filter = tenantId is null
            ? TableClient.CreateQueryFilter($"RowKey ge {low} and RowKey lt {high}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {low} and RowKey lt {high}");
        var summaries = new List<UsageSummary>();
        await foreach (var entity in _summaries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var summary = ToSummary(entity);
            if (summary.Bucket < until)
            {
                summaries.Add(summary);
            }
        }

        return summaries;
    }

    private static string PartitionKey(string tenantId, DateTimeOffset bucket) => $"{tenantId}|{LedgerBuckets.Key(bucket)}";

    private static (string TenantId, DateTimeOffset Bucket) SplitPartitionKey(string key)
    {
        var bar = key.LastIndexOf('|');
        return (key[..bar], LedgerBuckets.Parse(key[(bar + 1)..]));
    }

    private static string EntryRowKey(string messageId) => $"m|{messageId}";

    private static string PushRowKey(string category, int seq) => $"p|{category}|{seq.ToString("D6", CultureInfo.InvariantCulture)}";

    private static TableEntity ToEntity(LedgerEntry entry) => new(PartitionKey(entry.TenantId, entry.Bucket), EntryRowKey(entry.MessageId))
    {
        ["TenantId"] = entry.TenantId,
        ["MessageId"] = entry.MessageId,
        ["SentAt"] = entry.SentAt,
        ["Market"] = entry.Market,
        ["Category"] = entry.Category,
        ["MetaCharges"] = entry.MetaCharges,
        ["PricingSource"] = entry.PricingSource,
        ["MetaCharge"] = Amount(entry.MetaCharge),
        ["PlatformFee"] = Amount(entry.PlatformFee),
        ["Currency"] = entry.Currency,
        ["PlanId"] = entry.PlanId,
        ["RateMissing"] = entry.RateMissing,
        ["PushSeq"] = entry.PushSeq,

        // Stored explicitly so the meter can ask for unassigned rows only: tables cannot filter on a missing property.
        ["Assigned"] = entry.PushSeq is not null,
    };

    private static LedgerEntry ToEntry(TableEntity e) => new(
        e.GetString("TenantId"),
        e.GetString("MessageId"),
        e.GetDateTimeOffset("SentAt")!.Value,
        e.GetString("Market"),
        e.GetString("Category"),
        e.GetBoolean("MetaCharges") ?? false,
        e.GetString("PricingSource"),
        decimal.Parse(e.GetString("MetaCharge"), CultureInfo.InvariantCulture),
        decimal.Parse(e.GetString("PlatformFee"), CultureInfo.InvariantCulture),
        e.GetString("Currency"),
        e.GetString("PlanId"),
        e.GetBoolean("RateMissing") ?? false)
    {
        PushSeq = e.GetInt32("PushSeq"),
        Version = e.ETag.ToString(),
    };

    private static TableEntity ToEntity(MeterPush push) => new(PartitionKey(push.TenantId, push.Bucket), PushRowKey(push.Category, push.Seq))
    {
        ["Category"] = push.Category,
        ["Seq"] = push.Seq,
        ["Identifier"] = push.Identifier,
        ["EventName"] = push.EventName,
        ["CustomerId"] = push.CustomerId,
        ["Units"] = push.Units,
        ["Messages"] = push.Messages,
        ["EventTime"] = push.Timestamp,
        ["CreatedAt"] = push.CreatedAt,
        ["State"] = push.State,
        ["Currency"] = push.Currency,
        ["BillableMessages"] = push.BillableMessages,
        ["MetaCharge"] = Amount(push.MetaCharge),
        ["PlatformFee"] = Amount(push.PlatformFee),
        ["RateMissing"] = push.RateMissing,
        ["StripeCreated"] = push.StripeCreated,
        ["PushedAt"] = push.PushedAt,
        ["Attempts"] = push.Attempts,
        ["LastError"] = push.LastError,
        ["Resolution"] = push.Resolution,
        ["ResolutionReason"] = push.ResolutionReason,
        ["ResolvedAt"] = push.ResolvedAt,
    };

    private static MeterPush ToPush(TableEntity e, string tenantId, DateTimeOffset bucket) => new(
        tenantId,
        bucket,
        e.GetString("Category"),
        e.GetInt32("Seq")!.Value,
        e.GetString("Identifier"),
        e.GetString("EventName"),
        e.GetString("CustomerId"),
        e.GetInt64("Units")!.Value,
        e.GetInt32("Messages")!.Value,
        e.GetDateTimeOffset("EventTime")!.Value,
        e.GetDateTimeOffset("CreatedAt")!.Value)
    {
        State = e.GetString("State"),
        Currency = e.GetString("Currency"),
        BillableMessages = e.GetInt32("BillableMessages") ?? 0,
        MetaCharge = decimal.Parse(e.GetString("MetaCharge"), CultureInfo.InvariantCulture),
        PlatformFee = decimal.Parse(e.GetString("PlatformFee"), CultureInfo.InvariantCulture),
        RateMissing = e.GetInt32("RateMissing") ?? 0,
        StripeCreated = e.GetDateTimeOffset("StripeCreated"),
        PushedAt = e.GetDateTimeOffset("PushedAt"),
        Attempts = e.GetInt32("Attempts") ?? 0,
        LastError = e.GetString("LastError"),
        Version = e.ETag.ToString(),
        Resolution = e.GetString("Resolution"),
        ResolutionReason = e.GetString("ResolutionReason"),
        ResolvedAt = e.GetDateTimeOffset("ResolvedAt"),
    };

    private static TableEntity ToEntity(UsageSummary s) => new(s.TenantId, $"{LedgerBuckets.Key(s.Bucket)}|{s.Category}|{s.Currency}")
    {
        ["Bucket"] = s.Bucket,
        ["Category"] = s.Category,
        ["Currency"] = s.Currency,
        ["Messages"] = s.Messages,
        ["BillableMessages"] = s.BillableMessages,
        ["MetaCharge"] = Amount(s.MetaCharge),
        ["PlatformFee"] = Amount(s.PlatformFee),
        ["Units"] = s.Units,
        ["PushedUnits"] = s.PushedUnits,
        ["PendingUnits"] = s.PendingUnits,
        ["RateMissing"] = s.RateMissing,
        ["NotPushedReason"] = s.NotPushedReason,
        ["ConfirmedUnits"] = s.ConfirmedUnits,
        ["WrittenOffUnits"] = s.WrittenOffUnits,
        ["Unresolved"] = s.Unresolved,
    };

    private static UsageSummary ToSummary(TableEntity e) => new(
        e.PartitionKey,
        e.GetDateTimeOffset("Bucket")!.Value,
        e.GetString("Category"),
        e.GetString("Currency"),
        e.GetInt32("Messages") ?? 0,
        e.GetInt32("BillableMessages") ?? 0,
        decimal.Parse(e.GetString("MetaCharge"), CultureInfo.InvariantCulture),
        decimal.Parse(e.GetString("PlatformFee"), CultureInfo.InvariantCulture),
        e.GetInt64("Units") ?? 0,
        e.GetInt64("PushedUnits") ?? 0,
        e.GetInt64("PendingUnits") ?? 0,
        e.GetInt32("RateMissing") ?? 0,
        e.GetString("NotPushedReason"))
    {
        ConfirmedUnits = e.GetInt64("ConfirmedUnits") ?? 0,
        WrittenOffUnits = e.GetInt64("WrittenOffUnits") ?? 0,
        Unresolved = e.GetInt32("Unresolved") ?? 0,
    };

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
