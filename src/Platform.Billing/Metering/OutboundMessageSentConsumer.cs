using MassTransit;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Contracts.Usage;

namespace Platform.Billing.Metering;

/// <summary>
/// Prices each sent message and appends it to the ledger, a batch at a time: one rate-card read and one account and plan
/// read per tenant per batch, and rows written in entity group transactions. A redelivered event finds its row and
/// changes nothing.
/// </summary>
public sealed class OutboundMessageSentConsumer(IBillingCatalog catalog, IUsageLedger ledger, MeterSignal signal) : IConsumer<Batch<OutboundMessageSent>>
{
    public async Task Consume(ConsumeContext<Batch<OutboundMessageSent>> context)
    {
        var cancellationToken = context.CancellationToken;
        var rates = await catalog.GetRateCardAsync(cancellationToken);
        var plans = new Dictionary<string, PricePlan>(StringComparer.Ordinal);
        foreach (var tenantId in context.Message.Select(m => m.Message.TenantId).Distinct(StringComparer.Ordinal))
        {
            var account = await catalog.GetAccountAsync(tenantId, cancellationToken);
            plans[tenantId] = account?.PlanId is { } planId && await catalog.GetPlanAsync(planId, cancellationToken) is { } plan
                ? plan
                : PricePlan.Default;
        }

        var entries = context.Message.Select(m => ChargeCalculator.Price(m.Message, plans[m.Message.TenantId], rates)).ToList();
        if (await ledger.AppendAsync(entries, cancellationToken) > 0)
        {
            signal.Wake();
        }
    }
}
