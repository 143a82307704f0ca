using Platform.Billing.Pricing;

namespace Platform.Billing.Plans;

/// <summary>
/// What the operator charges a tenant on top of Meta: a fee per message by category (<c>service</c> is the fee for
/// free-form messages), charged whether or not Meta charges the message, and a monthly fee billed by a Stripe subscription.
/// </summary>
public sealed record PricePlan(
    string Id,
    string Name,
    string Currency,
    IReadOnlyDictionary<string, decimal> Fees,
    decimal MonthlyFee,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The plan of a tenant that has none: Meta's charges passed through in US dollars, no fee.</summary>
    public static PricePlan Default { get; } = new(
        "default", "Meta's charges only", "USD", MessageCategories.All.ToDictionary(c => c, _ => 0m), 0m, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    /// <summary>
    /// Raised whenever what Stripe's prices depend on changes (currency, monthly fee, the operator's own price ids): Stripe
    /// prices are immutable, so a new version gets new prices, and subscriptions move to them.
    /// </summary>
    public int PriceVersion { get; init; } = 1;

    /// <summary>The Stripe prices of <see cref="PriceVersion"/>, or of an older version while the new ones are not made yet.</summary>
    public PlanStripePrices? Stripe { get; init; }

    /// <summary>Why the last attempt to make the plan's Stripe prices failed; cleared when they are made.</summary>
    public string? StripeError { get; init; }

    /// <summary>The per-key rate limit of tenants on this plan; null leaves them on the platform's default.</summary>
    public PlanRateLimit? RateLimit { get; init; }

    /// <summary>True when <see cref="Stripe"/> holds the prices of the current <see cref="PriceVersion"/>.</summary>
    public bool StripeInSync => Stripe is { } prices && prices.Version == PriceVersion;

    /// <summary>What a subscription on these prices is marked with, so a tenant whose mark differs is moved.</summary>
    public string SubscriptionMark => $"{Id}@v{PriceVersion}";

    public decimal FeeFor(string category) => Fees.TryGetValue(category, out var fee) ? fee : 0m;
}
