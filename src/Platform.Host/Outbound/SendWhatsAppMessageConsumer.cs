using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.Outbound;
using Platform.Grains.Conversations;

namespace Platform.Host.Outbound;

/// <summary>
/// Hands accepted messages to their conversation, which sends them to the channel in accepted order. Idempotent by our
/// message id: the conversation skips a message that is no longer <c>accepted</c>. A channel's "not now" is waited out in
/// place when short, and otherwise retried on the definition's schedule; the last attempt ends the message failed.
/// </summary>
internal sealed class SendWhatsAppMessageConsumer(IGrainFactory grains, IOptions<OutboundOptions> options, TimeProvider time) : IConsumer<SendWhatsAppMessage>
{
    public async Task Consume(ConsumeContext<SendWhatsAppMessage> context)
    {
        var command = context.Message;
        var conversation = grains.GetGrain<IConversationGrain>(new ConversationKey(command.TenantId, command.PhoneNumberId, command.To).ToString());
        var message = new OutboundMessage(command.MessageId, command.Channel, command.Type, command.Content)
        {
            Context = command.Context,
            TemplateCategory = command.TemplateCategory,
            InsideWindow = command.InsideWindow,
            AcceptedAt = command.AcceptedAt,
            PreviousMessageId = command.PreviousMessageId,
        };
        var finalAttempt = context.GetRetryAttempt() >= options.Value.Intervals.Length;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var result = await conversation.DispatchAsync(message, finalAttempt);
            if (result.RetryAfter is not { } retryAfter)
            {
                return;
            }

            if (waited + retryAfter > options.Value.MaxInPlaceWait)
            {
                throw new DispatchDeferredException($"Message {command.MessageId} is to be retried in {retryAfter}.");
            }

            waited += retryAfter;
            await Task.Delay(retryAfter, time, context.CancellationToken);
        }
    }
}
