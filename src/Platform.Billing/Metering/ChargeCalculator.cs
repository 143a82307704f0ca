using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Contracts.Usage;

namespace Platform.Billing.Metering;

/// <summary>
/// Prices one sent message: market from the recipient's calling code; category and whether Meta charges from Meta's
/// <c>pricing</c> block when Meta sent one, else from WhatsApp's rules (free-form and utility templates inside the
/// window are free; marketing, authentication and utility outside it are charged); Meta's charge from the rate card in
/// the plan's currency; the plan's fee on top, free messages included.
/// </summary>
public static class ChargeCalculator
{
    public const string FromMeta = "meta";
    public const string FromRules = "rules";

    public static LedgerEntry Price(OutboundMessageSent sent, PricePlan plan, RateCard rates)
    {
        var market = Markets.Of(sent.To);
        var (category, charged, source) = MetaPricing.Parse(sent.Pricing) is { } pricing
            ? (MessageCategories.FromMeta(pricing.Category ?? sent.TemplateCategory), pricing.Charged, FromMeta)
            : ByRules(sent);

        var price = charged ? rates.PriceOf(market, plan.Currency, category) : 0m;
        return new LedgerEntry(
            sent.TenantId,
            sent.MessageId,
            sent.SentAt,
            market,
            category,
            charged,
            source,
            price ?? 0m,
            plan.FeeFor(category),
            plan.Currency,
            plan.Id,
            RateMissing: price is null);
    }

    private static (string Category, bool Charged, string Source) ByRules(OutboundMessageSent sent)
    {
        var category = sent.TemplateCategory is null ? MessageCategories.Service : MessageCategories.FromMeta(sent.TemplateCategory);
        var charged = category switch
        {
            MessageCategories.Marketing or MessageCategories.Authentication => true,
            MessageCategories.Utility => !sent.InsideWindow,
            _ => false,
        };
        return (category, charged, FromRules);
    }
}
