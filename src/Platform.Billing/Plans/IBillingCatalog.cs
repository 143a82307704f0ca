namespace Platform.Billing.Plans;

/// <summary>Price plans, the rate card and tenants' billing accounts: small tables read by the API and the meter.</summary>
public interface IBillingCatalog
{
    Task<IReadOnlyList<PricePlan>> ListPlansAsync(CancellationToken cancellationToken);

    Task<PricePlan?> GetPlanAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new plan; false when a plan with its id exists.</summary>
    Task<bool> CreatePlanAsync(PricePlan plan, CancellationToken cancellationToken);

    Task UpdatePlanAsync(PricePlan plan, CancellationToken cancellationToken);

    /// <summary>Changes a stored plan, retrying on a concurrent change; null when no plan has the id.</summary>
    Task<PricePlan?> ChangePlanAsync(string id, Func<PricePlan, PricePlan> change, CancellationToken cancellationToken);

    /// <summary>Stores the given markets' rates, replacing what was stored for the same market and currency.</summary>
    Task SaveRatesAsync(IReadOnlyList<MarketRate> rates, CancellationToken cancellationToken);

    Task<RateCard> GetRateCardAsync(CancellationToken cancellationToken);

    Task<BillingAccount?> GetAccountAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every tenant's account (one small table partition): what the Stripe sync walks.</summary>
    Task<IReadOnlyList<BillingAccount>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Changes a tenant's account (created when missing), retrying on a concurrent change.</summary>
    Task<BillingAccount> UpdateAccountAsync(string tenantId, Func<BillingAccount, BillingAccount> change, CancellationToken cancellationToken);
}
