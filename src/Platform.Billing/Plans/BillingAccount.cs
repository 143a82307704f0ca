namespace Platform.Billing.Plans;

/// <summary>
/// A tenant's billing settings and month-to-date spend. The spend is the billing service's running total (refreshed as
/// it summarises the ledger), so a spend-limit check on the send path is one cached read.
/// </summary>
public sealed record BillingAccount(string TenantId)
{
    public string? PlanId { get; init; }

    public string? StripeCustomerId { get; init; }

    /// <summary>The most the tenant may spend in a calendar month (UTC), in the plan's currency; null for no limit.</summary>
    public decimal? MonthlySpendLimit { get; init; }

    /// <summary>The month (<c>yyyy-MM</c>) <see cref="MonthSpend"/> and <see cref="NotifiedPercent"/> belong to.</summary>
    public string? SpendMonth { get; init; }

    public decimal MonthSpend { get; init; }

    /// <summary>The highest threshold (0, 80 or 100) a <c>usage.threshold</c> event was raised for in <see cref="SpendMonth"/>.</summary>
    public int NotifiedPercent { get; init; }

    /// <summary>The tenant's Stripe subscription to its plan's prices, once made.</summary>
    public string? StripeSubscriptionId { get; init; }

    /// <summary>The plan and price version (<see cref="PricePlan.SubscriptionMark"/>) the subscription holds now.</summary>
    public string? SubscribedTo { get; init; }

    /// <summary>How many times the subscription was created or changed: part of the next change's idempotency key.</summary>
    public int SubscriptionChanges { get; init; }

    /// <summary>Why the last attempt to create or move the subscription failed; cleared when it succeeds.</summary>
    public string? SubscriptionError { get; init; }
}
