using Platform.Billing.Plans;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

/// <summary>A price plan; amounts as decimal strings. <see cref="PriceVersion"/> rises when the plan needs new Stripe prices.</summary>
public sealed record PricePlanResponse(
    string Id,
    string Name,
    string Currency,
    IReadOnlyDictionary<string, string> Fees,
    string MonthlyFee,
    PlanRateLimitRequest? RateLimit,
    int PriceVersion,
    PlanStripeResponse Stripe,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PricePlanResponse From(PricePlan plan, bool stripeEnabled) => new(
        plan.Id,
        plan.Name,
        plan.Currency,
        MessageCategories.All.ToDictionary(c => c, c => Money.Format(plan.FeeFor(c))),
        Money.Format(plan.MonthlyFee),
        plan.RateLimit is { } limit ? new PlanRateLimitRequest(limit.PermitsPerSecond, limit.Burst) : null,
        plan.PriceVersion,
        PlanStripeResponse.From(plan, stripeEnabled),
        plan.CreatedAt,
        plan.UpdatedAt);
}
