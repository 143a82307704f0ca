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

    public decimal FeeFor(string category) => Fees.TryGetValue(category, out var fee) ? fee : 0m;
}
