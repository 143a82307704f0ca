using Platform.Billing.Plans;

namespace Platform.Host.Billing;

/// <summary>
/// A plan's Stripe prices. <see cref="Status"/>: <c>synced</c> (the platform made the prices of the plan's current
/// version), <c>operator_prices</c> (the operator's own), <c>pending</c> (Stripe is on and the prices of the current
/// version are not made yet: <see cref="Error"/> says why, the billing service retries; the ids shown are the previous
/// version's, which subscriptions hold until then) or <c>stripe_off</c> (nothing is created while <c>Stripe__ApiKey</c> is unset).
/// </summary>
public sealed record PlanStripeResponse(
    string Status, int? PricesVersion, string? ProductId, IReadOnlyDictionary<string, string>? MeteredPriceIds, string? MonthlyPriceId, string? Error)
{
    public const string Synced = "synced";
    public const string OperatorPrices = "operator_prices";
    public const string Pending = "pending";
    public const string StripeOff = "stripe_off";

    public static PlanStripeResponse From(PricePlan plan, bool stripeEnabled)
    {
        var status = plan.Stripe?.Source == PlanStripePrices.Operator && plan.StripeInSync ? OperatorPrices
            : !stripeEnabled ? StripeOff
            : plan.StripeInSync ? Synced
            : Pending;
        return new PlanStripeResponse(
            status, plan.Stripe?.Version, plan.Stripe?.ProductId, plan.Stripe?.MeteredPriceIds, plan.Stripe?.MonthlyPriceId, status == Pending ? plan.StripeError : null);
    }
}
