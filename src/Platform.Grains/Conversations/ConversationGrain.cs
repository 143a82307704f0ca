using MassTransit;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Outbound;
using Platform.Grains.Identifiers;
using Platform.Grains.Messages;
using Platform.Grains.Storage;
using Platform.Grains.TenantEvents;

namespace Platform.Grains.Conversations;

/// <summary>
/// Decides every send to one customer, one at a time, and is the only writer of that conversation's message records.
/// Tenant events are published before the change they report is stored, with ids derived from the change: after a crash
/// in between, the redelivered update applies the change again and publishes the same event id, so nothing is lost and
/// tenants can deduplicate.
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", GrainStorage.Platform)] IPersistentState<ConversationState> state,
    IMessageStore messages,
    IBus bus,
    TimeProvider time,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    private ConversationKey Key => ConversationKey.Parse(this.GetPrimaryKeyString());

    public async Task<SendDecision> SendAsync(OutboundMessage message)
    {
        var now = time.GetUtcNow();
        if (ConversationPolicy.DecideSend(state.State, now) is { } refusal)
        {
            return new SendDecision(refusal);
        }

        var key = Key;
        var record = new MessageRecord
        {
            TenantId = key.TenantId,
            Id = message.MessageId,
            Direction = MessageRecord.Outbound,
            PhoneNumberId = key.PhoneNumberId,
            CustomerWaId = key.WaId,
            Type = message.Type,
            Content = message.Content,
            Channel = message.Channel,
            InsideWindow = ConversationPolicy.IsWindowOpen(state.State, now),
            CreatedAt = now,
            Statuses = [new MessageStatusEntry(MessageStatuses.Accepted, now)],
        };
        await messages.SaveAsync(record);
        try
        {
            await PublishAsync(message, key, now);
        }
        catch (Exception exception)
        {
            // Not queued, so never sent: say so in the history rather than leave it "accepted" forever. (Should the publish
            // have reached the broker after all, the outbound consumer skips a message that is no longer accepted.)
            var failure = new MessageFailure(0, "Not queued", "The platform could not queue the message; it was not sent.");
            await messages.SaveAsync(record.WithStatus(MessageStatuses.Failed, time.GetUtcNow()) with { Failure = failure });
            throw new MessageNotQueuedException($"Message {message.MessageId} could not be queued.", exception);
        }

        return SendDecision.Accept;
    }

    private Task PublishAsync(OutboundMessage message, ConversationKey key, DateTimeOffset now) =>
        bus.Publish(new SendWhatsAppMessage
        {
            TenantId = key.TenantId,
            MessageId = message.MessageId,
            PhoneNumberId = key.PhoneNumberId,
            Channel = message.Channel,
            To = key.WaId,
            Type = message.Type,
            Content = message.Content,
            AcceptedAt = now,
        });

    public async Task ReceiveAsync(InboundMessage message)
    {
        var key = Key;
        var messageId = PlatformIds.Derive("msg", message.Timestamp, $"{key.TenantId}/{message.Wamid}");
        if (await messages.GetAsync(key.TenantId, messageId) is not null)
        {
            LogDuplicate(message.Wamid);
            return;
        }

        if (state.State.LastCustomerMessageAt is not { } last || message.Timestamp > last)
        {
            state.State.LastCustomerMessageAt = message.Timestamp;
            await state.WriteStateAsync();
        }

        var record = new MessageRecord
        {
            TenantId = key.TenantId,
            Id = messageId,
            Direction = MessageRecord.Inbound,
            PhoneNumberId = key.PhoneNumberId,
            CustomerWaId = key.WaId,
            Type = message.Type,
            Content = message.Content,
            Context = message.Context,
            Wamid = message.Wamid,
            CreatedAt = message.Timestamp,
            Statuses = [new MessageStatusEntry(MessageStatuses.Received, message.Timestamp)],
        };
        await bus.Publish(TenantEventFactory.MessageReceived(record));
        await messages.LinkWamidAsync(message.Wamid, key.TenantId, messageId);
        await messages.SaveAsync(record);
    }

    public async Task RecordSendOutcomeAsync(string messageId, SendOutcome outcome)
    {
        if (await messages.GetAsync(Key.TenantId, messageId) is not { } record)
        {
            LogUnknownMessage(messageId);
            return;
        }

        if (outcome.Wamid is { } wamid)
        {
            await messages.LinkWamidAsync(wamid, record.TenantId, messageId);
            await ApplyAsync(record, record with { Wamid = record.Wamid ?? wamid }, MessageStatuses.Sent, outcome.At);
        }
        else
        {
            await ApplyAsync(record, record with { Failure = outcome.Failure }, MessageStatuses.Failed, outcome.At);
        }
    }

    public async Task ApplyStatusAsync(StatusReport report)
    {
        var tenantId = Key.TenantId;
        var messageId = report.MessageId ?? await messages.FindByWamidAsync(tenantId, report.Wamid);
        if (messageId is null || await messages.GetAsync(tenantId, messageId) is not { } record)
        {
            LogUnknownStatus(report.Wamid, report.Status);
            return;
        }

        var updated = record with
        {
            Wamid = record.Wamid ?? report.Wamid,
            Failure = report.Failure ?? record.Failure,
            Pricing = report.Pricing ?? record.Pricing,
        };
        await ApplyAsync(record, updated, report.Status, report.Timestamp);
    }

    // `amended` is `stored` plus what the report added (wamid, pricing, failure); a status heard for the first time is
    // published as a tenant event, anything that changes the record is saved.
    private async Task ApplyAsync(MessageRecord stored, MessageRecord amended, string status, DateTimeOffset at)
    {
        var updated = amended.WithStatus(status, at);
        if (updated == stored)
        {
            return;
        }

        if (!stored.HasStatus(status))
        {
            await bus.Publish(TenantEventFactory.MessageStatus(updated, new MessageStatusEntry(status, at)));
            if (status == MessageStatuses.Sent)
            {
                await bus.Publish(UsageEvents.Sent(updated, at));
            }
        }

        await messages.SaveAsync(updated);
    }

    [LoggerMessage(LogLevel.Debug, "Inbound message {Wamid} was already recorded; Meta redelivered it")]
    private partial void LogDuplicate(string wamid);

    [LoggerMessage(LogLevel.Warning, "A send outcome arrived for message {MessageId}, which this conversation does not know")]
    private partial void LogUnknownMessage(string messageId);

    [LoggerMessage(LogLevel.Warning, "Status {Status} arrived for {Wamid}, which matches no message of this conversation")]
    private partial void LogUnknownStatus(string wamid, string status);
}
