using Platform.Billing.Plans;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

/// <summary>
/// A tenant's billing settings and this month's spend, as the operator sees them. <see cref="StripeSubscriptionStatus"/>:
/// <c>current</c> (the subscription holds the plan's current prices), <c>pending</c> (being created or moved;
/// <see cref="StripeSubscriptionError"/> says why not yet, the billing service retries), <c>no_stripe_customer</c>,
/// <c>no_plan</c> (a tenant on the default plan has no subscription) or <c>stripe_off</c>.
/// </summary>
public sealed record TenantBillingResponse(
    string TenantId,
    string PlanId,
    string? StripeCustomerId,
    string? MonthlySpendLimit,
    string? SpendMonth,
    string MonthSpend,
    string? StripeSubscriptionId,
    string StripeSubscriptionStatus,
    string? StripeSubscriptionError,
    TenantRateLimitResponse RateLimit)
{
    public static TenantBillingResponse From(string tenantId, BillingAccount? account, PricePlan? plan, bool stripeEnabled, TenantRateLimitResponse rateLimit)
    {
        var status = !stripeEnabled ? "stripe_off"
            : account?.PlanId is null ? "no_plan"
            : account.StripeCustomerId is null ? "no_stripe_customer"
            : plan is not null && account.SubscribedTo == plan.SubscriptionMark ? "current"
            : "pending";
        return new(
            tenantId,
            account?.PlanId ?? PricePlan.Default.Id,
            account?.StripeCustomerId,
            account?.MonthlySpendLimit is { } limit ? Money.Format(limit) : null,
            account?.SpendMonth,
            Money.Format(account?.MonthSpend ?? 0m),
            account?.StripeSubscriptionId,
            status,
            status == "pending" ? account?.SubscriptionError : null,
            rateLimit);
    }
}
