using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;

namespace Platform.Billing.SpendLimits;

/// <summary>Reads the tenant's account at most once per <see cref="BillingOptions.SpendCacheTime"/> per process.</summary>
public sealed class SpendLimitChecker(IBillingCatalog catalog, IOptions<BillingOptions> options, TimeProvider time) : ISpendLimits
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, BillingAccount? Account)> _cache = new(StringComparer.Ordinal);

    public async Task<SpendCheck> CheckAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(tenantId, out var cached) || now - cached.ReadAt > options.Value.SpendCacheTime)
        {
            cached = (now, await catalog.GetAccountAsync(tenantId, cancellationToken));
            _cache[tenantId] = cached;
        }

        var month = LedgerBuckets.Month(now);
        var account = cached.Account;
        var spent = account?.SpendMonth == month ? account.MonthSpend : 0m;
        var limit = account?.MonthlySpendLimit;
        return new SpendCheck(limit is null || spent < limit, spent, limit, month);
    }
}
