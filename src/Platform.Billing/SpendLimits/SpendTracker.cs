using MassTransit;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;

namespace Platform.Billing.SpendLimits;

/// <summary>
/// Keeps each tenant's month-to-date spend on its account (from the hourly summaries) and raises <c>usage.threshold</c>
/// once per month at 80 % and at 100 % of its limit. The event is published before the account records it, with an id
/// derived from tenant, month and threshold, so a crash in between repeats the same event, which tenants deduplicate.
/// </summary>
public sealed class SpendTracker(IUsageLedger ledger, IBillingCatalog catalog, IServiceProvider services, TimeProvider time)
{
    public async Task RefreshAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var monthStart = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var summaries = await ledger.SummariesAsync(tenantId, monthStart, monthStart.AddMonths(1), cancellationToken);
        var spent = summaries.Sum(s => s.Total);
        var month = LedgerBuckets.Month(now);

        var account = await catalog.GetAccountAsync(tenantId, cancellationToken) ?? new BillingAccount(tenantId);
        var notified = account.SpendMonth == month ? account.NotifiedPercent : 0;
        var reached = ThresholdReached(spent, account.MonthlySpendLimit);
        if (reached > notified && services.GetService(typeof(IBus)) is IBus bus)
        {
            var currency = summaries.Select(s => s.Currency).FirstOrDefault() ?? "USD";
            await bus.Publish(UsageThresholdEvent.Create(tenantId, month, reached, spent, account.MonthlySpendLimit!.Value, currency, now), cancellationToken);
        }

        await catalog.UpdateAccountAsync(tenantId, current => current with
        {
            SpendMonth = month,
            MonthSpend = spent,
            NotifiedPercent = Math.Max(current.SpendMonth == month ? current.NotifiedPercent : 0, reached),
        }, cancellationToken);
    }

    private static int ThresholdReached(decimal spent, decimal? limit) =>
        limit is not { } max ? 0 : spent >= max ? 100 : spent >= max * 0.8m ? 80 : 0;
}
