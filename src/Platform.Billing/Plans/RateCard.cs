namespace Platform.Billing.Plans;

/// <summary>The operator's copy of Meta's rates, per market and currency.</summary>
public sealed class RateCard(IEnumerable<MarketRate> rates)
{
    private readonly Dictionary<(string, string), MarketRate> _rates = rates.ToDictionary(
        rate => (rate.Market.ToUpperInvariant(), rate.Currency), rate => rate);

    public static RateCard Empty { get; } = new([]);

    public IReadOnlyCollection<MarketRate> Rates => _rates.Values;

    /// <summary>Meta's price for one message, or null when the card has no rate for that market, currency and category.</summary>
    public decimal? PriceOf(string market, string currency, string category) =>
        _rates.TryGetValue((market.ToUpperInvariant(), currency), out var rate) && rate.Prices.TryGetValue(category, out var price)
            ? price
            : null;
}
