using Platform.Billing.Plans;

namespace Platform.Billing.Tests;

public sealed class RateCardCsvShould
{
    [Fact]
    public void Read_Metas_markets_with_a_price_per_category()
    {
        var (rates, errors) = RateCardCsv.Parse("""
            market,currency,marketing,utility,authentication,service
            United Kingdom,USD,0.0529,0.0220,0.0358,0
            "Rest of Central & Eastern Europe",usd,0.0860,0.0212,0.0550,
            """);

        Assert.Empty(errors);
        Assert.Equal(2, rates.Count);
        var card = new RateCard(rates);
        Assert.Equal(0.0529m, card.PriceOf("United Kingdom", "USD", "marketing"));
        Assert.Equal(0.0212m, card.PriceOf("Rest of Central & Eastern Europe", "USD", "utility"));
        Assert.Null(card.PriceOf("Rest of Central & Eastern Europe", "USD", "service"));
    }

    [Fact]
    public void Refuse_unknown_markets_bad_amounts_and_repeated_lines_naming_each_line()
    {
        var (rates, errors) = RateCardCsv.Parse("""
            market,currency,marketing
            Atlantis,USD,0.01
            France,USD,0.123456
            France,EURO,0.01
            Germany,EUR,0.1
            Germany,EUR,0.2
            """);

        Assert.Empty(rates);
        Assert.Equal(
            [
                "Line 2: 'Atlantis' is not one of Meta's markets.",
                "Line 3: marketing price '0.123456' is not an amount with at most 4 decimal places.",
                "Line 4: 'EURO' is not a three-letter currency code.",
                "Line 6: Germany in EUR is listed twice.",
            ],
            errors);
    }
}
