using Platform.Billing.Plans;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

/// <summary>A price plan; amounts as decimal strings.</summary>
public sealed record PricePlanResponse(
    string Id, string Name, string Currency, IReadOnlyDictionary<string, string> Fees, string MonthlyFee, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PricePlanResponse From(PricePlan plan) => new(
        plan.Id,
        plan.Name,
        plan.Currency,
        MessageCategories.All.ToDictionary(c => c, c => Money.Format(plan.FeeFor(c))),
        Money.Format(plan.MonthlyFee),
        plan.CreatedAt,
        plan.UpdatedAt);
}
