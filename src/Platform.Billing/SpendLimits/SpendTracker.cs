using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;

namespace Platform.Billing.SpendLimits;

/// <summary>
/// Keeps the month-to-date spend of each tenant with a spend limit on its account (from the bucket summaries) and raises
/// <c>usage.threshold</c> once per month at 80 % and at 100 % of the limit. The event is published before the account
/// records it, with an id derived from tenant, month and threshold, so a crash in between repeats the same event, which
/// tenants deduplicate. A month of summaries is thousands of rows, so each tenant is refreshed at most once per
/// <see cref="BillingOptions.SpendRefreshInterval"/>, and tenants without a limit not at all.
/// </summary>
public sealed class SpendTracker(IUsageLedger ledger, IBillingCatalog catalog, IServiceProvider services, IOptions<BillingOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _refreshedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _deferred = new(StringComparer.Ordinal);

    /// <summary>Refreshes the tenants whose refresh was deferred and whose interval has passed; the meter calls it every pass.</summary>
    public async Task RefreshDeferredAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in _deferred.Keys)
        {
            if (_deferred.TryRemove(tenantId, out _))
            {
                await RefreshAsync(tenantId, cancellationToken);
            }
        }
    }

    public async Task RefreshAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_refreshedAt.TryGetValue(tenantId, out var last) && now - last < options.Value.SpendRefreshInterval)
        {
            // Not lost, only later: the last rows of a burst still count towards the thresholds.
            _deferred[tenantId] = true;
            return;
        }

        var account = await catalog.GetAccountAsync(tenantId, cancellationToken) ?? new BillingAccount(tenantId);
        if (account.MonthlySpendLimit is null)
        {
            return;
        }

        _refreshedAt[tenantId] = now;
        var spent = await MonthSpendAsync(ledger, tenantId, now, cancellationToken);
        var month = LedgerBuckets.Month(now);
        var notified = account.SpendMonth == month ? account.NotifiedPercent : 0;
        var reached = ThresholdReached(spent, account.MonthlySpendLimit);
        if (reached > notified && services.GetService(typeof(IBus)) is IBus bus)
        {
            var currency = account.PlanId is { } planId && await catalog.GetPlanAsync(planId, cancellationToken) is { } plan ? plan.Currency : PricePlan.Default.Currency;
            await bus.Publish(UsageThresholdEvent.Create(tenantId, month, reached, spent, account.MonthlySpendLimit!.Value, currency, now), cancellationToken);
        }

        await catalog.UpdateAccountAsync(tenantId, current => current with
        {
            SpendMonth = month,
            MonthSpend = spent,
            NotifiedPercent = Math.Max(current.SpendMonth == month ? current.NotifiedPercent : 0, reached),
        }, cancellationToken);
    }

    /// <summary>The tenant's spend in the calendar month (UTC) of <paramref name="now"/>, from the summaries.</summary>
    public static async Task<decimal> MonthSpendAsync(IUsageLedger ledger, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var monthStart = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (await ledger.SummariesAsync(tenantId, monthStart, monthStart.AddMonths(1), cancellationToken)).Sum(s => s.Total);
    }

    private static int ThresholdReached(decimal spent, decimal? limit) =>
        limit is not { } max ? 0 : spent >= max ? 100 : spent >= max * 0.8m ? 80 : 0;
}
