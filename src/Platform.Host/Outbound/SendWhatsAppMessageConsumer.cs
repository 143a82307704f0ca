using MassTransit;
using Platform.Contracts.Outbound;
using Platform.Grains.Conversations;
using Platform.Grains.Messages;
using Platform.WhatsApp.Channels;

namespace Platform.Host.Outbound;

/// <summary>
/// Hands accepted messages to their channel and tells the conversation what the channel answered. Idempotent by our
/// message id: a message that is no longer <c>accepted</c> was handed over already.
/// </summary>
internal sealed class SendWhatsAppMessageConsumer(
    IGrainFactory grains,
    IMessageStore messages,
    WhatsAppChannels channels,
    TimeProvider time) : IConsumer<SendWhatsAppMessage>
{
    public async Task Consume(ConsumeContext<SendWhatsAppMessage> context)
    {
        var command = context.Message;
        var record = await messages.GetAsync(command.TenantId, command.MessageId, context.CancellationToken);
        if (record is null || record.Status != MessageStatuses.Accepted)
        {
            return;
        }

        var result = await channels.Get(command.Channel).SendAsync(
            new ChannelMessage(command.MessageId, command.PhoneNumberId, command.To, command.Type, command.Content),
            context.CancellationToken);
        var failure = result.Error is { } error ? new MessageFailure(error.Code, error.Title, error.Details) : null;
        var conversation = new ConversationKey(command.TenantId, command.PhoneNumberId, command.To);
        await grains.GetGrain<IConversationGrain>(conversation.ToString())
            .RecordSendOutcomeAsync(command.MessageId, new SendOutcome(result.Wamid, failure, time.GetUtcNow()));
    }
}
