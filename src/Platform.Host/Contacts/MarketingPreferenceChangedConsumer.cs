using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Contacts;
using Platform.Grains.Routing;

namespace Platform.Host.Contacts;

/// <summary>
/// Applies a customer's marketing stop or resume from WhatsApp's settings to their contact: MARKETING templates only.
/// The contact ignores an exact repeat, so a redelivered update records (and audits) nothing twice.
/// </summary>
public sealed partial class MarketingPreferenceChangedConsumer(IGrainFactory grains, ILogger<MarketingPreferenceChangedConsumer> logger)
    : IConsumer<MarketingPreferenceChanged>
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
        if (kind is null)
        {
            return;
        }

        var tenantId = update.TenantId ?? await grains.GetGrain<IPhoneNumberOwnerGrain>(update.PhoneNumberId).GetOwnerAsync();
        if (tenantId is null)
        {
            LogUnrouted(update.PhoneNumberId);
            return;
        }

        await grains.GetGrain<IContactGrain>(new ContactKey(tenantId, update.WaId).ToString())
            .RecordConsentAsync(new ConsentChange(kind, ConsentSources.Meta, update.Detail, update.Timestamp) { PhoneNumberId = update.PhoneNumberId });
    }

    [LoggerMessage(LogLevel.Warning, "Marketing preference update for phone number {PhoneNumberId} matches no tenant")]
    private partial void LogUnrouted(string phoneNumberId);
}
