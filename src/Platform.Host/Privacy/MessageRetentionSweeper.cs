using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Grains.Messages;
using Platform.Grains.Privacy;
using Platform.Host.Media;

namespace Platform.Host.Privacy;

/// <summary>
/// Removes message bodies older than each tenant's retention period, every <see cref="PrivacyOptions.RetentionSweepInterval"/>.
/// Every silo runs one; the retention grain's lease lets one of them sweep at a time, and a sweep reads only the history
/// created since the tenant's last one (a row-key range of its partition), so its cost follows the traffic, not the history.
/// A file a customer sent goes with its message; files the tenant uploaded are the tenant's own and stay.
/// </summary>
internal sealed partial class MessageRetentionSweeper(
    IGrainFactory grains,
    IMessageStore messages,
    IMediaStore media,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<MessageRetentionSweeper> logger) : BackgroundService
{
    private const int PageSize = 200;
    private readonly string _sweeper = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetentionSweepInterval;
        using var timer = new PeriodicTimer(interval, time);
        var retention = grains.GetGrain<IMessageRetentionGrain>(IMessageRetentionGrain.Key);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var sweep in await retention.ClaimAsync(_sweeper, interval * 2))
                {
                    var cutoff = time.GetUtcNow().AddDays(-sweep.Days);
                    if (sweep.SweptUntil is not { } done || done < cutoff)
                    {
                        var removed = await SweepAsync(sweep, cutoff, stoppingToken);
                        await retention.CompleteAsync(sweep.TenantId, cutoff);
                        LogSwept(sweep.TenantId, removed, cutoff);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(exception);
            }
        }
    }

    // The conversation grain also writes these records: a status it saves in the very milliseconds between its read and
    // this write would put the body back, and passes do not revisit swept time. Statuses for messages older than a
    // retention period (a day at least) are rare enough that this is left as it is.
    private async Task<int> SweepAsync(RetentionSweep sweep, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        var query = new MessageQuery(sweep.TenantId, PageSize) { CreatedBefore = cutoff, CreatedAfter = sweep.SweptUntil };
        do
        {
            var page = await messages.ListAsync(query, cancellationToken);
            foreach (var record in page.Messages.Where(record => record.RedactedAt is null))
            {
                if (record.Direction == MessageRecord.Inbound && ReceivedMediaId(record) is { } mediaId)
                {
                    await media.DeleteAsync(record.TenantId, mediaId, cancellationToken);
                }

                await messages.SaveAsync(record.WithoutBody(time.GetUtcNow()), cancellationToken);
                removed++;
            }

            query = query with { Cursor = page.NextCursor };
        }
        while (query.Cursor is not null);

        return removed;
    }

    private static string? ReceivedMediaId(MessageRecord record) =>
        JsonNode.Parse(record.Content) is JsonObject content && content["media_id"] is JsonValue id && id.TryGetValue<string>(out var mediaId)
            ? mediaId
            : null;

    [LoggerMessage(LogLevel.Information, "Removed {Count} message bodies of tenant {TenantId} created before {Cutoff}")]
    private partial void LogSwept(string tenantId, int count, DateTimeOffset cutoff);

    [LoggerMessage(LogLevel.Warning, "Removing message bodies past their retention period failed; the next pass tries again")]
    private partial void LogSweepFailed(Exception exception);
}
