using Platform.Billing.Plans;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

/// <summary>A tenant's billing settings and this month's spend, as the operator sees them.</summary>
public sealed record TenantBillingResponse(
    string TenantId, string PlanId, string? StripeCustomerId, string? MonthlySpendLimit, string? SpendMonth, string MonthSpend)
{
    public static TenantBillingResponse From(string tenantId, BillingAccount? account) => new(
        tenantId,
        account?.PlanId ?? PricePlan.Default.Id,
        account?.StripeCustomerId,
        account?.MonthlySpendLimit is { } limit ? Money.Format(limit) : null,
        account?.SpendMonth,
        Money.Format(account?.MonthSpend ?? 0m));
}
