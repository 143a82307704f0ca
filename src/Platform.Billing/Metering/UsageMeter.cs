using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Billing.SpendLimits;
using Platform.Billing.StripeSync;

namespace Platform.Billing.Metering;

/// <summary>
/// Works through the tenant-hours that have new rows: finishes pushes left pending (same identifier, same idempotency
/// key), assigns unassigned rows to new pushes (one atomic write per push), pushes them, then rewrites the hour's
/// summaries and the tenant's month-to-date spend. Every step is repeatable, so a crash at any point is recovered by
/// running it again: a row is counted by the one push it was assigned to, and a push is sent until Stripe acknowledges it.
/// </summary>
public sealed partial class UsageMeter(
    IUsageLedger ledger,
    IBillingCatalog catalog,
    StripeGateway stripe,
    SpendTracker spend,
    IOptions<BillingOptions> options,
    TimeProvider time,
    ILogger<UsageMeter> logger)
{
    /// <summary>Stripe accepts meter events up to 35 days old; a margin keeps a push from expiring in flight.</summary>
    public static readonly TimeSpan StripeWindow = TimeSpan.FromDays(35) - TimeSpan.FromHours(1);

    /// <summary>Stripe remembers identifiers and idempotency keys for about 24 hours; past that a retry could count twice.</summary>
    public static readonly TimeSpan IdempotencyMemory = TimeSpan.FromHours(23);

    private const int PartitionsPerCycle = 200;

    /// <summary>One pass over the dirty tenant-hours; returns how many it finished.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dirty in await ledger.DirtyAsync(PartitionsPerCycle, cancellationToken))
        {
            var settled = await ProcessAsync(dirty.TenantId, dirty.Hour, cancellationToken);
            tenants.Add(dirty.TenantId);
            if (settled && await ledger.ClearDirtyAsync(dirty, cancellationToken))
            {
                finished++;
            }
        }

        foreach (var tenantId in tenants)
        {
            await spend.RefreshAsync(tenantId, cancellationToken);
        }

        return finished;
    }

    /// <summary>Brings one tenant-hour up to date; true when nothing is left to retry later.</summary>
    private async Task<bool> ProcessAsync(string tenantId, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var partition = await ledger.ReadAsync(tenantId, hour, cancellationToken);
        var reason = await NotPushableReasonAsync(tenantId, hour, cancellationToken);
        var customerId = reason is null ? (await catalog.GetAccountAsync(tenantId, cancellationToken))!.StripeCustomerId! : null;

        foreach (var push in partition.Pushes.Where(p => p.State == PushStates.Pending))
        {
            await SendAsync(push, cancellationToken);
        }

        if (customerId is not null)
        {
            await AssignAndPushAsync(partition, customerId, cancellationToken);
        }

        partition = await ledger.ReadAsync(tenantId, hour, cancellationToken);
        await ledger.WriteSummariesAsync(Summaries.Of(partition, reason), cancellationToken);

        var waiting = partition.Pushes.Any(p => p.State == PushStates.Pending)
            || (reason == NotPushedReasons.NoCustomer && partition.Entries.Any(e => e.PushSeq is null && e.Units > 0));
        return !waiting;
    }

    private async Task AssignAndPushAsync(LedgerPartition partition, string customerId, CancellationToken cancellationToken)
    {
        var unassigned = partition.Entries.Where(e => e.PushSeq is null && e.Units > 0).GroupBy(e => e.Category);
        foreach (var category in unassigned)
        {
            var seq = partition.Pushes.Where(p => p.Category == category.Key).Select(p => p.Seq).DefaultIfEmpty(0).Max();
            foreach (var rows in category.OrderBy(e => e.SentAt).Chunk(MeterPush.MaxRows))
            {
                seq++;
                var push = new MeterPush(
                    partition.TenantId,
                    partition.Hour,
                    category.Key,
                    seq,
                    MeterPush.IdentifierFor(partition.TenantId, partition.Hour, category.Key, seq),
                    options.Value.EventNameFor(category.Key),
                    customerId,
                    rows.Sum(r => r.Units),
                    rows.Length,
                    rows.Max(r => r.SentAt),
                    time.GetUtcNow());
                if (!await ledger.AssignAsync(push, rows, cancellationToken))
                {
                    // Another meter took these rows or the push number first: the next cycle reads the hour again.
                    LogAssignConflict(push.Identifier);
                    return;
                }

                await SendAsync(push, cancellationToken);
            }
        }
    }

    private async Task SendAsync(MeterPush push, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - push.Timestamp > StripeWindow)
        {
            await ledger.UpdatePushAsync(push with { State = PushStates.Expired, LastError = "The usage is older than Stripe's 35-day window." }, cancellationToken);
            return;
        }

        if (now - push.CreatedAt > IdempotencyMemory)
        {
            await ledger.UpdatePushAsync(push with { State = PushStates.Uncertain, LastError = "Unacknowledged for longer than Stripe remembers identifiers; check Stripe's meter summaries." }, cancellationToken);
            return;
        }

        var backoff = options.Value.RetryBackoff;
        for (var attempt = 1; attempt <= options.Value.AttemptsPerCycle; attempt++)
        {
            var outcome = await stripe.PushAsync(push, cancellationToken);
            switch (outcome.Kind)
            {
                case PushOutcomeKind.Accepted or PushOutcomeKind.AlreadyRecorded:
                    await ledger.UpdatePushAsync(push with
                    {
                        State = PushStates.Pushed,
                        StripeCreated = outcome.StripeCreated,
                        PushedAt = time.GetUtcNow(),
                        Attempts = push.Attempts + attempt,
                        LastError = outcome.Kind == PushOutcomeKind.AlreadyRecorded ? outcome.Error : null,
                    }, cancellationToken);
                    return;
                case PushOutcomeKind.Refused:
                    LogRefused(push.Identifier, outcome.Error);
                    await ledger.UpdatePushAsync(push with { State = PushStates.Refused, Attempts = push.Attempts + attempt, LastError = outcome.Error }, cancellationToken);
                    return;
                default:
                    LogRetry(push.Identifier, attempt, outcome.Error);
                    if (attempt < options.Value.AttemptsPerCycle)
                    {
                        await Task.Delay(outcome.RetryAfter is { } after && after > backoff ? after : backoff, time, cancellationToken);
                        backoff *= 2;
                    }

                    break;
            }
        }
    }

    private async Task<string?> NotPushableReasonAsync(string tenantId, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        if (!stripe.Enabled)
        {
            return NotPushedReasons.StripeOff;
        }

        if (time.GetUtcNow() - hour.AddHours(1) > StripeWindow)
        {
            return NotPushedReasons.OutsideWindow;
        }

        return (await catalog.GetAccountAsync(tenantId, cancellationToken))?.StripeCustomerId is null ? NotPushedReasons.NoCustomer : null;
    }

    [LoggerMessage(LogLevel.Information, "Meter push {Identifier} lost a race for its rows; the hour is read again next cycle")]
    private partial void LogAssignConflict(string identifier);

    [LoggerMessage(LogLevel.Warning, "Stripe refused meter push {Identifier}: {Error}")]
    private partial void LogRefused(string identifier, string? error);

    [LoggerMessage(LogLevel.Warning, "Meter push {Identifier} attempt {Attempt} will be retried: {Error}")]
    private partial void LogRetry(string identifier, int attempt, string? error);
}
