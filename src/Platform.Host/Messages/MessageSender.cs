using Platform.Billing.SpendLimits;
using Platform.Grains.Conversations;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants;
using Platform.Host.Media;
using Platform.Host.Problems;
using Platform.ServiceDefaults;
using Platform.WhatsApp;
using Platform.WhatsApp.Messages;

namespace Platform.Host.Messages;

/// <summary>
/// The send pipeline both APIs share (<c>/v1/messages</c> and the Cloud-API-compatible endpoint): the number must be a
/// connected number of the tenant; the customer's number is mapped to the wa_id Meta uses for them; the conversation decides.
/// </summary>
public sealed class MessageSender(IGrainFactory grains, ISpendLimits spendLimits, PlatformMetrics metrics, TimeProvider time, MediaSendCheck media)
{
    /// <summary>A new message id for a send (an Idempotency-Key may replace it with the one its first attempt chose).</summary>
    public string NewMessageId() => PlatformIds.New("msg", time.GetUtcNow());

    public async Task<SendAttempt> SendAsync(string tenantId, string phoneNumberId, string recipient, ValidatedMessage message, string messageId, bool mayRepeat)
    {
        var number = await grains.GetGrain<ITenantGrain>(tenantId).FindPhoneNumberAsync(phoneNumberId);
        if (number is null || number.Status != PhoneNumberStatuses.Connected)
        {
            metrics.MessageRefused(ErrorCodes.PhoneNumberUnavailable);
            return new SendAttempt(null, recipient, new SendRefusal(
                ErrorCodes.PhoneNumberUnavailable, $"Phone number {phoneNumberId} is not a connected number of this tenant.", null));
        }

        // Checked before the conversation decides: the month-to-date spend is a cached read, so this costs no storage call.
        var spend = await spendLimits.CheckAsync(tenantId);
        if (!spend.Allowed)
        {
            metrics.MessageRefused(ErrorCodes.SpendLimitReached);
            return new SendAttempt(null, recipient, new SendRefusal(
                ErrorCodes.SpendLimitReached,
                $"This month's spend ({spend.Spent:0.00##}) reached the tenant's monthly limit ({spend.Limit:0.00##}) for {spend.Month}; ask the operator to raise it.",
                null));
        }

        var mediaIds = MediaSendCheck.MediaIdsOf(message);
        if (mediaIds.Count > 0 && await media.RefuseAsync(tenantId, message, mediaIds) is { } mediaRefusal)
        {
            metrics.MessageRefused(mediaRefusal.Code);
            return new SendAttempt(null, recipient, mediaRefusal);
        }

        var waId = await WaIdOfAsync(tenantId, recipient);
        var conversation = grains.GetGrain<IConversationGrain>(new ConversationKey(tenantId, number.PhoneNumberId, waId).ToString());
        var decision = await conversation.SendAsync(new OutboundMessage(messageId, number.Channel, message.Type, message.Content)
        {
            Context = message.Context,
            MayRepeat = mayRepeat,
        });
        if (decision.Refusal is { } refusal)
        {
            metrics.MessageRefused(refusal.Code);
        }
        else
        {
            metrics.MessageAccepted(number.Channel, message.Type);
            if (mediaIds.Count > 0)
            {
                await media.LinkAsync(tenantId, mediaIds, waId);
            }
        }

        return new SendAttempt(decision.IsAccepted ? messageId : null, waId, decision.Refusal);
    }

    /// <summary>The wa_id Meta uses for the person behind <paramref name="recipient"/>, when their number has several forms.</summary>
    public async Task<string> WaIdOfAsync(string tenantId, string recipient) =>
        WaIds.HasAliases(recipient)
            ? await grains.GetGrain<ICustomerDirectoryGrain>($"{tenantId}|{WaIds.Family(recipient)}").GetAsync() ?? recipient
            : recipient;
}
