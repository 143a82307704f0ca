using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Contacts;
using Platform.Grains.TenantEvents;

namespace Platform.Host.Inbound;

/// <summary>
/// Tells the tenant when a customer stops or resumes marketing messages in WhatsApp's settings (<c>contact.consent</c>,
/// source <c>meta</c>). The consent rules apply the same update on their own queue; consent changed through the API or by
/// STOP/START keywords is announced where it is applied.
/// </summary>
internal sealed class MarketingPreferenceTenantEventConsumer : IConsumer<MarketingPreferenceChanged>
{
    public async Task Consume(ConsumeContext<MarketingPreferenceChanged> context)
    {
        var update = context.Message;
        var kind = update.Value.ToUpperInvariant() switch
        {
            "STOP" => ConsentKinds.OptOutMarketing,
            "RESUME" => ConsentKinds.ResumeMarketing,
            _ => null,
        };
        if (update.TenantId is not { } tenantId || kind is null)
        {
            return;
        }

        await context.Publish(TenantEventFactory.ContactConsent(tenantId, update.WaId, kind, ConsentSources.Meta, update.PhoneNumberId, update.Timestamp));
    }
}
