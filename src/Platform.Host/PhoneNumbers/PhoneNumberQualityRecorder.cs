using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Audit;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;

namespace Platform.Host.PhoneNumbers;

/// <summary>
/// Keeps a number's quality event and messaging limit as Meta reports them (the inbound feature tells the tenant by event);
/// applying the same update twice changes nothing and audits nothing.
/// </summary>
public sealed partial class PhoneNumberQualityRecorder(IGrainFactory grains, AuditLog audit, ILogger<PhoneNumberQualityRecorder> logger)
    : IConsumer<PhoneNumberQualityChanged>
{
    public async Task Consume(ConsumeContext<PhoneNumberQualityChanged> context)
    {
        var update = context.Message;
        if (await grains.GetGrain<IWabaOwnerGrain>(update.WabaId).GetOwnerAsync() is not { } tenantId)
        {
            LogUnrouted(update.WabaId);
            return;
        }

        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var before = await tenant.GetPhoneNumbersAsync();
        var after = await tenant.ApplyPhoneNumberQualityAsync(update.WabaId, update.DisplayPhoneNumber, update.Event, update.CurrentLimit);
        if (after is not null && !before.Contains(after))
        {
            await audit.RecordAsync(tenantId, AuditActions.Meta, "phone_number.quality_changed", after.Id, $"{update.Event}{(update.CurrentLimit is null ? "" : $"; limit {update.CurrentLimit}")}");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Phone number quality update for account {WabaId} matches no tenant")]
    private partial void LogUnrouted(string wabaId);
}
