using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Billing.SpendLimits;
using Platform.Billing.StripeSync;
using Platform.ServiceDefaults;

namespace Platform.Billing.Metering;

/// <summary>
/// Works through the tenant-buckets that have new rows: finishes pushes left pending (same identifier, same idempotency
/// key), puts new rows into groups (one atomic write per group), pushes the chargeable ones, then rewrites the bucket's
/// summaries from its groups and the tenant's month-to-date spend. Every step is repeatable, so a crash at any point is recovered by
/// running it again: a row is counted by the one push it was assigned to, and a push is sent until Stripe acknowledges it.
/// </summary>
public sealed partial class UsageMeter(
    IUsageLedger ledger,
    IBillingCatalog catalog,
    StripeGateway stripe,
    SpendTracker spend,
    PlatformMetrics metrics,
    IOptions<BillingOptions> options,
    TimeProvider time,
    ILogger<UsageMeter> logger)
{
    /// <summary>Stripe accepts meter events up to 35 days old; a margin keeps a push from expiring in flight.</summary>
    public static readonly TimeSpan StripeWindow = TimeSpan.FromDays(35) - TimeSpan.FromHours(1);

    /// <summary>Stripe remembers identifiers and idempotency keys for about 24 hours; past that a retry could count twice.</summary>
    public static readonly TimeSpan IdempotencyMemory = TimeSpan.FromHours(23);

    private const int PartitionsPerCycle = 200;

    /// <summary>One pass over the dirty tenant-buckets; returns how many it finished.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        var dirtyPartitions = await ledger.DirtyAsync(PartitionsPerCycle, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.PushConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(dirtyPartitions, parallel, async (dirty, token) =>
        {
            if (await ProcessAsync(dirty.TenantId, dirty.Bucket, token) && await ledger.ClearDirtyAsync(dirty, token))
            {
                Interlocked.Increment(ref finished);
            }
        });

        foreach (var tenantId in dirtyPartitions.Select(d => d.TenantId).Distinct(StringComparer.Ordinal))
        {
            await spend.RefreshAsync(tenantId, cancellationToken);
        }

        await spend.RefreshDeferredAsync(cancellationToken);

        // Tenant-buckets still holding usage Stripe has not confirmed: a number that keeps growing means pushes are failing.
        metrics.SetUnpushedUsage(dirtyPartitions.Count - finished);
        return finished;
    }

    /// <summary>Brings one tenant-bucket up to date; true when nothing is left to retry later.</summary>
    private async Task<bool> ProcessAsync(string tenantId, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        var partition = await ledger.ReadAsync(tenantId, bucket, cancellationToken);
        var account = await catalog.GetAccountAsync(tenantId, cancellationToken);
        var reason = NotPushableReason(bucket, account);

        // Rows wait for a customer (they stay unassigned and the bucket dirty); every other row goes into a group.
        var grouped = partition.Unassigned.Where(row => !(reason == NotPushedReasons.NoCustomer && row.Units > 0));
        var created = await GroupAsync(partition, grouped, reason, account?.StripeCustomerId, cancellationToken);

        // Pushes are independent of each other (each has its own identifier), so they go to Stripe side by side.
        var pending = partition.Pushes.Where(p => p.State == PushStates.Pending).Concat(created);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.PushConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (push, token) => await SendAsync(push, token));

        partition = await ledger.ReadAsync(tenantId, bucket, cancellationToken);
        await ledger.WriteSummariesAsync(Summaries.Of(partition, reason), cancellationToken);
        return partition.Unassigned.Count == 0 && !partition.Pushes.Any(p => p.State == PushStates.Pending);
    }

    /// <summary>Puts rows into new groups; returns the groups to push.</summary>
    private async Task<IReadOnlyList<MeterPush>> GroupAsync(
        LedgerPartition partition, IEnumerable<LedgerEntry> rows, string? reason, string? customerId, CancellationToken cancellationToken)
    {
        var toPush = new List<MeterPush>();
        var seqs = partition.Pushes.GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Max(p => p.Seq));
        foreach (var group in rows.GroupBy(r => (r.Category, r.Currency, Chargeable: r.Units > 0)))
        {
            var state = !group.Key.Chargeable ? PushStates.Free
                : reason == NotPushedReasons.StripeOff ? PushStates.StripeOff
                : reason == NotPushedReasons.OutsideWindow ? PushStates.Expired
                : PushStates.Pending;
            foreach (var chunk in group.OrderBy(e => e.SentAt).Chunk(MeterPush.MaxRows))
            {
                var seq = seqs[group.Key.Category] = seqs.GetValueOrDefault(group.Key.Category) + 1;
                var push = MeterPush.Of(chunk, seq, state, options.Value.EventNameFor(group.Key.Category), customerId, time.GetUtcNow());
                if (!await ledger.AssignAsync(push, chunk, cancellationToken))
                {
                    // Another meter took these rows or the group number first: the next pass reads the bucket again.
                    LogAssignConflict(push.Identifier);
                    return toPush;
                }

                if (state == PushStates.Pending)
                {
                    toPush.Add(push);
                }
            }
        }

        return toPush;
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
                    var pushedAt = time.GetUtcNow();
                    await ledger.UpdatePushAsync(push with
                    {
                        State = PushStates.Pushed,
                        StripeCreated = outcome.StripeCreated,
                        PushedAt = pushedAt,
                        Attempts = push.Attempts + attempt,
                        LastError = outcome.Kind == PushOutcomeKind.AlreadyRecorded ? outcome.Error : null,
                    }, cancellationToken);
                    metrics.BillingPushed(pushedAt - push.Timestamp);
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

    private string? NotPushableReason(DateTimeOffset bucket, BillingAccount? account) =>
        !stripe.Enabled ? NotPushedReasons.StripeOff
        : time.GetUtcNow() - bucket - LedgerBuckets.Size > StripeWindow ? NotPushedReasons.OutsideWindow
        : account?.StripeCustomerId is null ? NotPushedReasons.NoCustomer
        : null;

    [LoggerMessage(LogLevel.Information, "Meter group {Identifier} lost a race for its rows; the bucket is read again next cycle")]
    private partial void LogAssignConflict(string identifier);

    [LoggerMessage(LogLevel.Warning, "Stripe refused meter push {Identifier}: {Error}")]
    private partial void LogRefused(string identifier, string? error);

    [LoggerMessage(LogLevel.Warning, "Meter push {Identifier} attempt {Attempt} will be retried: {Error}")]
    private partial void LogRetry(string identifier, int attempt, string? error);
}
