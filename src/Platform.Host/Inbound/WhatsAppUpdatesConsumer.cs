using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Conversations;
using Platform.Grains.Routing;

namespace Platform.Host.Inbound;

/// <summary>
/// Routes customer messages and statuses to their conversation by the business number's owner. Conversations run in
/// parallel; the updates of one conversation keep their order. Every step is idempotent, so a redelivered batch is safe.
/// </summary>
internal sealed partial class WhatsAppUpdatesConsumer(IGrainFactory grains, ILogger<WhatsAppUpdatesConsumer> logger)
    : IConsumer<WhatsAppUpdatesReceived>
{
    public async Task Consume(ConsumeContext<WhatsAppUpdatesReceived> context)
    {
        var updates = context.Message;
        await Task.WhenAll(updates.Messages
            .GroupBy(message => (message.PhoneNumberId, message.From))
            .Select(group => ReceiveAsync(group.Key.PhoneNumberId, group.Key.From, group)));
        await Task.WhenAll(updates.Statuses
            .GroupBy(status => (status.PhoneNumberId, status.RecipientId))
            .Select(group => ApplyAsync(group.Key.PhoneNumberId, group.Key.RecipientId, group)));
    }

    private async Task ReceiveAsync(string phoneNumberId, string from, IEnumerable<CustomerMessage> messages)
    {
        if (await ConversationAsync(phoneNumberId, from) is not { } conversation)
        {
            return;
        }

        foreach (var message in messages)
        {
            await conversation.ReceiveAsync(
                new InboundMessage(message.Wamid, message.Type, message.Content, message.Context, message.ProfileName, message.Timestamp));
        }
    }

    private async Task ApplyAsync(string phoneNumberId, string recipientId, IEnumerable<MessageStatusUpdate> statuses)
    {
        if (await ConversationAsync(phoneNumberId, recipientId) is not { } conversation)
        {
            return;
        }

        foreach (var status in statuses)
        {
            var failure = status.Error is { } error ? new MessageFailure(error.Code, error.Title, error.Details) : null;
            await conversation.ApplyStatusAsync(
                new StatusReport(status.Wamid, status.CallbackData, status.Status, status.Timestamp, failure, status.Pricing));
        }
    }

    private async Task<IConversationGrain?> ConversationAsync(string phoneNumberId, string waId)
    {
        var tenantId = await grains.GetGrain<IPhoneNumberOwnerGrain>(phoneNumberId).GetOwnerAsync();
        if (tenantId is null)
        {
            LogUnrouted(phoneNumberId);
            return null;
        }

        return grains.GetGrain<IConversationGrain>(new ConversationKey(tenantId, phoneNumberId, waId).ToString());
    }

    [LoggerMessage(LogLevel.Warning, "An update for phone number {PhoneNumberId} arrived, but no tenant holds that number")]
    private partial void LogUnrouted(string phoneNumberId);
}
