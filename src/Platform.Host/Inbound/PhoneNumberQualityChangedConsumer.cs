using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Routing;
using Platform.Grains.TenantEvents;
using Platform.Grains.Tenants;

namespace Platform.Host.Inbound;

/// <summary>
/// Tells the tenant when Meta changes a number's quality or messaging limit (<c>phone_number.quality</c>). Meta names the
/// number only by its display form within the account, so the account (WABA) finds the tenant and the digits of the display
/// number find its phone_number_id. The event id derives from the change, so a redelivered update raises the same event.
/// </summary>
internal sealed partial class PhoneNumberQualityChangedConsumer(IGrainFactory grains, ILogger<PhoneNumberQualityChangedConsumer> logger)
    : IConsumer<PhoneNumberQualityChanged>
{
    public async Task Consume(ConsumeContext<PhoneNumberQualityChanged> context)
    {
        var change = context.Message;
        if (await grains.GetGrain<IWabaOwnerGrain>(change.WabaId).GetOwnerAsync() is not { } tenantId)
        {
            LogUnrouted(change.WabaId, change.DisplayPhoneNumber);
            return;
        }

        var digits = Digits(change.DisplayPhoneNumber);
        var numbers = await grains.GetGrain<ITenantGrain>(tenantId).GetPhoneNumbersAsync();
        var number = numbers.FirstOrDefault(number => Digits(number.DisplayPhoneNumber) == digits);
        await context.Publish(TenantEventFactory.PhoneNumberQuality(
            tenantId, number?.PhoneNumberId, change.DisplayPhoneNumber, change.Event, change.CurrentLimit ?? change.MaxDailyConversations, change.Timestamp));
    }

    private static string Digits(string phoneNumber) => string.Concat(phoneNumber.Where(char.IsAsciiDigit));

    [LoggerMessage(LogLevel.Warning, "Quality update for account {WabaId} (number {DisplayPhoneNumber}) matches no tenant")]
    private partial void LogUnrouted(string wabaId, string displayPhoneNumber);
}
