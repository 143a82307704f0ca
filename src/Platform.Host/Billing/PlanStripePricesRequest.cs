namespace Platform.Host.Billing;

/// <summary>
/// The operator's own Stripe prices for a plan: a metered price per category (each on that category's meter, priced per
/// 0.0001 of the currency) and, when the plan has a monthly fee, a licensed monthly price.
/// </summary>
public sealed record PlanStripePricesRequest(Dictionary<string, string>? MeteredPriceIds, string? MonthlyPriceId);
