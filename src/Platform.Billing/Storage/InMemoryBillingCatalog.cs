using System.Collections.Concurrent;
using Platform.Billing.Plans;

namespace Platform.Billing.Storage;

/// <summary>The catalog of the embedded mode: gone with the process, like the rest of its state.</summary>
public sealed class InMemoryBillingCatalog : IBillingCatalog
{
    private readonly ConcurrentDictionary<string, PricePlan> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), MarketRate> _rates = new();
    private readonly ConcurrentDictionary<string, BillingAccount> _accounts = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<PricePlan>> ListPlansAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PricePlan>>(_plans.Values.OrderBy(plan => plan.Id, StringComparer.Ordinal).ToList());

    public Task<PricePlan?> GetPlanAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_plans.TryGetValue(id, out var plan) ? plan : null);

    public Task<bool> CreatePlanAsync(PricePlan plan, CancellationToken cancellationToken) => Task.FromResult(_plans.TryAdd(plan.Id, plan));

    public Task UpdatePlanAsync(PricePlan plan, CancellationToken cancellationToken)
    {
        _plans[plan.Id] = plan;
        return Task.CompletedTask;
    }

    public Task<PricePlan?> ChangePlanAsync(string id, Func<PricePlan, PricePlan> change, CancellationToken cancellationToken)
    {
        while (_plans.TryGetValue(id, out var current))
        {
            var changed = change(current);
            if (_plans.TryUpdate(id, changed, current))
            {
                return Task.FromResult<PricePlan?>(changed);
            }
        }

        return Task.FromResult<PricePlan?>(null);
    }

    public Task SaveRatesAsync(IReadOnlyList<MarketRate> rates, CancellationToken cancellationToken)
    {
        foreach (var rate in rates)
        {
            _rates[(rate.Market, rate.Currency)] = rate;
        }

        return Task.CompletedTask;
    }

    public Task<RateCard> GetRateCardAsync(CancellationToken cancellationToken) => Task.FromResult(new RateCard(_rates.Values));

    public Task<BillingAccount?> GetAccountAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_accounts.TryGetValue(tenantId, out var account) ? account : null);

    public Task<IReadOnlyList<BillingAccount>> ListAccountsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BillingAccount>>(_accounts.Values.ToList());

    public Task<BillingAccount> UpdateAccountAsync(string tenantId, Func<BillingAccount, BillingAccount> change, CancellationToken cancellationToken) =>
        Task.FromResult(_accounts.AddOrUpdate(tenantId, id => change(new BillingAccount(id)), (_, current) => change(current)));
}
