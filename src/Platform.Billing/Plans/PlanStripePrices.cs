namespace Platform.Billing.Plans;

/// <summary>
/// The Stripe objects a plan bills with: one metered price per category (each on that category's meter) and a licensed
/// monthly price for the monthly fee. <see cref="Source"/> says whether the platform created them or the operator named
/// existing ones; <see cref="Version"/> is the <see cref="PricePlan.PriceVersion"/> they were made for.
/// </summary>
public sealed record PlanStripePrices(
    string Source,
    int Version,
    string? ProductId,
    IReadOnlyDictionary<string, string> MeteredPriceIds,
    string? MonthlyPriceId)
{
    public const string Platform = "platform";
    public const string Operator = "operator";

    /// <summary>Every price a subscription to the plan holds.</summary>
    public IEnumerable<string> AllPriceIds => MonthlyPriceId is null ? MeteredPriceIds.Values : MeteredPriceIds.Values.Append(MonthlyPriceId);
}
