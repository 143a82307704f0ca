namespace Platform.Host.Billing;

/// <summary>
/// Body of <c>POST /partner/v1/price-plans</c> and <c>PUT /partner/v1/price-plans/{id}</c>. Amounts are decimal strings in
/// the currency's major unit (<c>"0.0050"</c>), at most four decimal places. <see cref="Stripe"/> names Stripe prices the
/// operator already has (the platform then creates none); <see cref="RateLimit"/> is the per-key limit of the plan's tenants.
/// </summary>
public sealed record PricePlanRequest(
    string? Id,
    string? Name,
    string? Currency,
    Dictionary<string, string>? Fees,
    string? MonthlyFee,
    PlanStripePricesRequest? Stripe = null,
    PlanRateLimitRequest? RateLimit = null);
