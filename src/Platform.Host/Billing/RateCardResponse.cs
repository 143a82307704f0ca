using Platform.Billing.Plans;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

public sealed record RateCardResponse(IReadOnlyList<MarketRateResponse> Rates)
{
    public static RateCardResponse From(RateCard card) => new(card.Rates
        .OrderBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.Market, StringComparer.Ordinal)
        .Select(r => new MarketRateResponse(r.Market, r.Currency, r.Prices.ToDictionary(p => p.Key, p => Money.Format(p.Value))))
        .ToList());
}
