using Platform.Billing.Metering;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Contracts.Usage;

namespace Platform.Billing.Tests;

public sealed class ChargeCalculatorShould
{
    private static readonly PricePlan Plan = new(
        "growth", "Growth", "USD",
        new Dictionary<string, decimal> { ["marketing"] = 0.0050m, ["utility"] = 0.0020m, ["authentication"] = 0.0030m, ["service"] = 0.0010m },
        49m, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly RateCard Rates = new([
        new MarketRate("United Kingdom", "USD", new Dictionary<string, decimal> { ["marketing"] = 0.0529m, ["utility"] = 0.0220m, ["authentication"] = 0.0358m }),
        new MarketRate("India", "USD", new Dictionary<string, decimal> { ["marketing"] = 0.0107m, ["utility"] = 0.0014m, ["authentication"] = 0.0014m }),
    ]);

    [Fact]
    public void Charge_a_marketing_template_in_the_sandbox_at_the_market_rate_plus_the_fee()
    {
        var entry = ChargeCalculator.Price(Sent("447700900123", "template", "MARKETING", insideWindow: true), Plan, Rates);

        Assert.Equal(("United Kingdom", "marketing", true, "rules"), (entry.Market, entry.Category, entry.MetaCharges, entry.PricingSource));
        Assert.Equal(0.0529m, entry.MetaCharge);
        Assert.Equal(0.0050m, entry.PlatformFee);
        Assert.Equal(579L, entry.Units);
    }

    [Fact]
    public void Let_a_utility_template_inside_the_window_through_free_but_keep_the_fee()
    {
        var entry = ChargeCalculator.Price(Sent("919812345678", "template", "UTILITY", insideWindow: true), Plan, Rates);

        Assert.Equal(("India", "utility", false, 0m, 0.0020m), (entry.Market, entry.Category, entry.MetaCharges, entry.MetaCharge, entry.PlatformFee));
    }

    [Fact]
    public void Charge_a_utility_template_outside_the_window()
    {
        var entry = ChargeCalculator.Price(Sent("919812345678", "template", "UTILITY", insideWindow: false), Plan, Rates);

        Assert.Equal((true, 0.0014m), (entry.MetaCharges, entry.MetaCharge));
    }

    [Fact]
    public void Treat_a_free_form_reply_as_a_free_service_message()
    {
        var entry = ChargeCalculator.Price(Sent("447700900123", "text", null, insideWindow: true), Plan, Rates);

        Assert.Equal(("service", false, 0m, 0.0010m, false), (entry.Category, entry.MetaCharges, entry.MetaCharge, entry.PlatformFee, entry.RateMissing));
    }

    [Fact]
    public void Follow_Metas_pricing_block_over_the_rules()
    {
        var free = Sent("447700900123", "template", "MARKETING", insideWindow: false) with
        {
            Pricing = """{"billable":false,"pricing_model":"PMP","category":"marketing","type":"free_entry_point"}""",
        };
        var charged = Sent("447700900123", "template", "UTILITY", insideWindow: true) with
        {
            Pricing = """{"billable":true,"pricing_model":"PMP","category":"authentication_international","type":"regular"}""",
        };

        var freeEntry = ChargeCalculator.Price(free, Plan, Rates);
        var chargedEntry = ChargeCalculator.Price(charged, Plan, Rates);

        Assert.Equal(("marketing", false, 0m, "meta"), (freeEntry.Category, freeEntry.MetaCharges, freeEntry.MetaCharge, freeEntry.PricingSource));
        Assert.Equal(("authentication", true, 0.0358m), (chargedEntry.Category, chargedEntry.MetaCharges, chargedEntry.MetaCharge));
    }

    [Fact]
    public void Flag_a_charged_message_whose_market_has_no_rate()
    {
        var entry = ChargeCalculator.Price(Sent("5511987654321", "template", "MARKETING", insideWindow: false), Plan, Rates);

        Assert.Equal(("Brazil", true, 0m, true), (entry.Market, entry.MetaCharges, entry.MetaCharge, entry.RateMissing));
    }

    [Theory]
    [InlineData("14155550100", "North America")]
    [InlineData("+44 7700 900123", "United Kingdom")]
    [InlineData("971501234567", "United Arab Emirates")]
    [InlineData("96512345678", "Rest of Middle East")]
    [InlineData("254712345678", "Rest of Africa")]
    [InlineData("2348012345678", "Nigeria")]
    [InlineData("18095551234", "Rest of Latin America")]
    [InlineData("61412345678", "Rest of Asia Pacific")]
    [InlineData("48512345678", "Rest of Central & Eastern Europe")]
    [InlineData("46701234567", "Rest of Western Europe")]
    [InlineData("88212345678", "Other")]
    public void Find_the_market_from_the_calling_code(string number, string market) => Assert.Equal(market, Markets.Of(number));

    private static OutboundMessageSent Sent(string to, string type, string? templateCategory, bool insideWindow) => new()
    {
        TenantId = "ten_1",
        MessageId = "msg_1",
        PhoneNumberId = "100",
        To = to,
        Channel = "sandbox",
        Type = type,
        TemplateCategory = templateCategory,
        InsideWindow = insideWindow,
        SentAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
    };
}
