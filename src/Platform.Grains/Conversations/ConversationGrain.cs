using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts.Outbound;
using Platform.Grains.Contacts;
using Platform.Grains.Identifiers;
using Platform.Grains.Messages;
using Platform.Grains.Storage;
using Platform.Grains.Templates;
using Platform.Grains.TenantEvents;
using Platform.Grains.Tenants;
using Platform.ServiceDefaults;
using Platform.WhatsApp;
using Platform.WhatsApp.Channels;
using Platform.WhatsApp.Sandbox;

namespace Platform.Grains.Conversations;

/// <summary>
/// Decides every send to one customer, one at a time, hands accepted messages to the channel in the order they were
/// accepted, and is the only writer of that conversation's message records.
/// A send is durable once its command is on the outbound queue (a confirmed broker publish); the record is written after,
/// and recreated from the command if the silo died in between. Tenant events are published before the change they report
/// is stored, with ids derived from the change, so a redelivered update publishes the same event id.
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", GrainStorage.Platform)] IPersistentState<ConversationState> state,
    IMessageStore messages,
    IBus bus,
    WhatsAppChannels channels,
    IOptions<ConversationOptions> options,
    PlatformMetrics metrics,
    TimeProvider time,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    private const int EraseBatch = 100;

    // How far back a recovered message looks for earlier ones still waiting; older ones leave on their own command.
    private const int MaxChainWalk = 100;

    // Accepted here and not yet handed to the channel, in accepted order. Lost with the activation, which is safe: every
    // one of them is on the outbound queue, which brings it back.
    private readonly List<OutboundMessage> _pending = [];
    private readonly DateTimeOffset _activatedAt = time.GetUtcNow();
    private string? _lastAccepted;
    private CustomerPace? _pace;

    private ConversationKey Key => ConversationKey.Parse(this.GetPrimaryKeyString());

    public async Task<SendDecision> SendAsync(OutboundMessage message)
    {
        var key = Key;
        if (_pending.Exists(pending => pending.MessageId == message.MessageId)
            || (message.MayRepeat && await messages.GetAsync(key.TenantId, message.MessageId) is not null))
        {
            return SendDecision.Accept;
        }

        var now = time.GetUtcNow();
        var consent = await GrainFactory.GetGrain<IContactGrain>(new ContactKey(key.TenantId, key.WaId).ToString()).GetConsentAsync();
        var facts = new SendFacts(state.State, now, consent, message.Type == "template");
        if (facts.IsTemplate)
        {
            var (name, language) = TemplateNameOf(message.Content);
            var template = await GrainFactory.GetGrain<ITemplateGrain>(new TemplateKey(key.TenantId, name, language).ToString()).GetAsync();
            facts = facts with
            {
                TemplateName = name,
                TemplateLanguage = language,
                Template = template,
                ParameterProblem = template is null ? null : TemplateParameters.Check(template, message.Content),
            };
        }

        if (ConversationPolicy.DecideSend(facts) is { } refusal)
        {
            return new SendDecision(refusal);
        }

        await AcceptAsync(message with
        {
            TemplateCategory = facts.Template?.Category,
            InsideWindow = ConversationPolicy.IsWindowOpen(state.State, now),
            AcceptedAt = now,
        });
        return SendDecision.Accept;
    }

    private async Task AcceptAsync(OutboundMessage message)
    {
        var key = Key;
        message = message with { PreviousMessageId = _lastAccepted };
        try
        {
            await bus.Publish(new SendWhatsAppMessage
            {
                TenantId = key.TenantId,
                MessageId = message.MessageId,
                PhoneNumberId = key.PhoneNumberId,
                Channel = message.Channel,
                To = key.WaId,
                Type = message.Type,
                Content = message.Content,
                Context = message.Context,
                TemplateCategory = message.TemplateCategory,
                InsideWindow = message.InsideWindow,
                AcceptedAt = message.AcceptedAt,
                PreviousMessageId = message.PreviousMessageId,
            });
        }
        catch (Exception exception)
        {
            throw new MessageNotQueuedException($"Message {message.MessageId} could not be queued; it was not accepted.", exception);
        }

        _pending.Add(message);
        _lastAccepted = message.MessageId;
        try
        {
            await messages.SaveAsync(Record(message));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The command is on the queue, so the message is accepted; its dispatch writes the record.
            LogRecordDeferred(exception, message.MessageId);
        }
    }

    private MessageRecord Record(OutboundMessage message)
    {
        var key = Key;
        return new MessageRecord
        {
            TenantId = key.TenantId,
            Id = message.MessageId,
            Direction = MessageRecord.Outbound,
            PhoneNumberId = key.PhoneNumberId,
            CustomerWaId = key.WaId,
            Type = message.Type,
            Content = message.Content,
            Context = message.Context,
            Channel = message.Channel,
            TemplateCategory = message.TemplateCategory,
            InsideWindow = message.InsideWindow,
            PreviousMessageId = message.PreviousMessageId,
            CreatedAt = message.AcceptedAt,
            Statuses = [new MessageStatusEntry(MessageStatuses.Accepted, message.AcceptedAt)],
        };
    }

    public async Task<DispatchResult> DispatchAsync(OutboundMessage message, bool finalAttempt)
    {
        // Earlier messages to this customer leave first, whichever consumer got to this conversation first. On its last
        // attempt a message goes alone, so it cannot fail for another message's trouble.
        var index = _pending.FindIndex(pending => pending.MessageId == message.MessageId);
        List<OutboundMessage> queue = finalAttempt ? [message]
            : index >= 0 ? _pending[..(index + 1)]
            : [.. await WaitingBeforeAsync(message), message];
        foreach (var next in queue)
        {
            var result = await DispatchOneAsync(next, finalAttempt && next.MessageId == message.MessageId);
            if (!result.IsDone)
            {
                return result;
            }

            _pending.RemoveAll(pending => pending.MessageId == next.MessageId);
        }

        return DispatchResult.Done;
    }

    // A message this activation did not accept (the silo that did was lost, or the broker brought its command back): the
    // messages accepted before it that still wait are found by following its chain, one point read each, and go first.
    private async Task<List<OutboundMessage>> WaitingBeforeAsync(OutboundMessage message)
    {
        var waiting = new List<OutboundMessage>();

        // Accepted by this activation: its predecessors were in _pending, so they have left already (it was sent with them).
        var previous = message.AcceptedAt >= _activatedAt ? null : message.PreviousMessageId;
        while (previous is not null && waiting.Count < MaxChainWalk
            && await messages.GetAsync(Key.TenantId, previous) is { Status: MessageStatuses.Accepted } record)
        {
            waiting.Insert(0, new OutboundMessage(record.Id, record.Channel ?? message.Channel, record.Type, record.Content)
            {
                Context = record.Context,
                TemplateCategory = record.TemplateCategory,
                InsideWindow = record.InsideWindow,
                AcceptedAt = record.CreatedAt,
                PreviousMessageId = record.PreviousMessageId,
            });
            previous = record.PreviousMessageId;
        }

        return waiting;
    }

    private async Task<DispatchResult> DispatchOneAsync(OutboundMessage message, bool finalAttempt)
    {
        var key = Key;
        var record = await messages.GetAsync(key.TenantId, message.MessageId);
        if (record is null)
        {
            record = Record(message);
            await messages.SaveAsync(record);
        }

        if (record.Status != MessageStatuses.Accepted)
        {
            return DispatchResult.Done;
        }

        var now = time.GetUtcNow();
        if (message.Channel != SandboxChannel.ChannelName && (_pace ??= new CustomerPace(options.Value, now)).TryTake(now) is { } wait)
        {
            return new DispatchResult(wait);
        }

        var result = await channels.Get(message.Channel).SendAsync(
            new ChannelMessage(message.MessageId, key.PhoneNumberId, key.WaId, message.Type, message.Content)
            {
                TenantId = key.TenantId,
                Context = message.Context,
            },
            CancellationToken.None);
        now = time.GetUtcNow();
        if (result.Wamid is { } wamid)
        {
            await messages.LinkWamidAsync(wamid, key.TenantId, message.MessageId);
            await ApplyAsync(record, record with { Wamid = record.Wamid ?? wamid }, MessageStatuses.Sent, now);
            if (result.WaId is { } waId && waId != key.WaId && WaIds.Family(waId) == WaIds.Family(key.WaId))
            {
                await GrainFactory.GetGrain<ICustomerDirectoryGrain>($"{key.TenantId}|{WaIds.Family(waId)}").RecordAsync(waId);
            }

            return DispatchResult.Done;
        }

        var error = result.Error ?? new ChannelError(0, "The channel gave no answer.", null);
        if (result.RetryAfter is { } retryAfter && !finalAttempt)
        {
            LogDeferred(message.MessageId, error.Code, retryAfter);
            return new DispatchResult(retryAfter);
        }

        var failure = new MessageFailure(error.Code, error.Title, error.Details);
        await ApplyAsync(record, record with { Failure = failure }, MessageStatuses.Failed, now);
        if (result.OptsOutOfMarketing)
        {
            await Contact(key).RecordConsentAsync(new ConsentChange(ConsentKinds.OptOutMarketing, ConsentSources.Meta, $"Meta error {error.Code}: {error.Title}", now)
            {
                PhoneNumberId = key.PhoneNumberId,
            });
        }

        return DispatchResult.Done;
    }

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

        if (WaIds.HasAliases(key.WaId))
        {
            await GrainFactory.GetGrain<ICustomerDirectoryGrain>($"{key.TenantId}|{WaIds.Family(key.WaId)}").RecordAsync(key.WaId);
        }

        // Before the record: a crash in between redelivers the message, and consent changes and the reply's id repeat.
        await ApplyConsentWordsAsync(message);

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
            Referral = message.Referral,
            Wamid = message.Wamid,
            CreatedAt = message.Timestamp,
            Statuses = [new MessageStatusEntry(MessageStatuses.Received, message.Timestamp)],
        };
        await bus.Publish(TenantEventFactory.MessageReceived(record));
        await messages.LinkWamidAsync(message.Wamid, key.TenantId, messageId);
        await messages.SaveAsync(record);
    }

    private async Task ApplyConsentWordsAsync(InboundMessage message)
    {
        var key = Key;
        var settings = await GrainFactory.GetGrain<IMessagingSettingsGrain>(key.TenantId).GetAsync();
        var keyword = message.Type == "text" && TextOf(message.Content) is { } text ? Keywords.Match(text, settings) : null;
        if (keyword is null && !settings.OptInOnFirstMessage)
        {
            return;
        }

        var contact = Contact(key);
        var consent = await contact.GetConsentAsync();
        var proof = message.Type == "text" ? TextOf(message.Content) : $"A {message.Type} message";
        if (keyword == Keywords.Stop && !consent.OptedOut)
        {
            await ReplyAsync(message, settings.StopReply);
            await contact.RecordConsentAsync(new ConsentChange(ConsentKinds.OptOut, ConsentSources.Keyword, proof, message.Timestamp) { PhoneNumberId = key.PhoneNumberId });
        }
        else if (keyword == Keywords.Start && (consent.OptedOut || !consent.OptedIn))
        {
            await ReplyAsync(message, settings.StartReply);
            await contact.RecordConsentAsync(new ConsentChange(ConsentKinds.OptIn, ConsentSources.Keyword, proof, message.Timestamp) { PhoneNumberId = key.PhoneNumberId });
        }
        else if (keyword is null && settings.OptInOnFirstMessage && !consent.OptedIn && !consent.OptedOut)
        {
            await contact.RecordConsentAsync(new ConsentChange(ConsentKinds.OptIn, "first_message", proof, message.Timestamp) { PhoneNumberId = key.PhoneNumberId });
        }
    }

    // The confirmation is the business's answer to the customer's own message, so no rule stands in its way. Its id derives
    // from the customer's message: a redelivery queues the same id, which is sent once.
    private async Task ReplyAsync(InboundMessage message, string reply)
    {
        var key = Key;
        if (string.IsNullOrWhiteSpace(reply)
            || await GrainFactory.GetGrain<ITenantGrain>(key.TenantId).FindPhoneNumberAsync(key.PhoneNumberId) is not { } number)
        {
            return;
        }

        var content = JsonSerializer.Serialize(new Dictionary<string, object> { ["body"] = reply, ["preview_url"] = false });
        // A millisecond after the customer's message, so the history lists the reply after what it answers.
        var replyId = PlatformIds.Derive("msg", message.Timestamp.AddMilliseconds(1), $"{key.TenantId}/{message.Wamid}/reply");
        await AcceptAsync(new OutboundMessage(replyId, number.Channel, "text", content)
        {
            InsideWindow = true,
            AcceptedAt = time.GetUtcNow(),
        });
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

    public async Task<int> EraseAsync()
    {
        var key = Key;
        var pseudonym = ContactIndex.Pseudonym(key.TenantId, key.WaId);
        var now = time.GetUtcNow();
        var query = new MessageQuery(key.TenantId, EraseBatch) { PhoneNumberId = key.PhoneNumberId, CustomerWaId = key.WaId };
        var erased = 0;
        MessagePage page;
        do
        {
            // An erased record no longer names the customer, so each page starts over from the newest remaining.
            page = await messages.ListAsync(query);
            foreach (var record in page.Messages)
            {
                if (record.Wamid is { } wamid)
                {
                    await messages.UnlinkWamidAsync(key.TenantId, wamid);
                }

                await messages.SaveAsync(record.ErasedAs(pseudonym, now));
                erased++;
            }
        }
        while (page.NextCursor is not null);

        await state.ClearStateAsync();
        DeactivateOnIdle();
        return erased;
    }

    public Task<ConversationSummary> GetSummaryAsync() => Task.FromResult(new ConversationSummary(
        state.State.LastCustomerMessageAt, state.State.LastCustomerMessageAt + ConversationPolicy.ServiceWindow));

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

            Count(updated, status, at);
        }

        await messages.SaveAsync(updated);
    }

    // Counted here, where each status of a message is recorded once, so redelivered updates never count twice.
    private void Count(MessageRecord message, string status, DateTimeOffset at)
    {
        var channel = message.Channel ?? "unknown";
        switch (status)
        {
            case MessageStatuses.Sent:
                metrics.MessageSent(channel, at - message.CreatedAt);
                break;
            case MessageStatuses.Delivered:
                metrics.MessageDelivered();
                break;
            case MessageStatuses.Read:
                metrics.MessageRead();
                break;
            case MessageStatuses.Failed:
                metrics.MessageFailed(channel, message.Failure?.Code.ToString(CultureInfo.InvariantCulture) ?? "unknown", at - message.CreatedAt);
                break;
        }
    }

    private IContactGrain Contact(ConversationKey key) => GrainFactory.GetGrain<IContactGrain>(new ContactKey(key.TenantId, key.WaId).ToString());

    private static (string Name, string Language) TemplateNameOf(string content)
    {
        using var template = JsonDocument.Parse(content);
        return (template.RootElement.GetProperty("name").GetString()!, template.RootElement.GetProperty("language").GetProperty("code").GetString()!);
    }

    private static string? TextOf(string content)
    {
        using var text = JsonDocument.Parse(content);
        return text.RootElement.ValueKind == JsonValueKind.Object && text.RootElement.TryGetProperty("body", out var body) ? body.GetString() : null;
    }

    [LoggerMessage(LogLevel.Debug, "Inbound message {Wamid} was already recorded; Meta redelivered it")]
    private partial void LogDuplicate(string wamid);

    [LoggerMessage(LogLevel.Warning, "Status {Status} arrived for {Wamid}, which matches no message of this conversation")]
    private partial void LogUnknownStatus(string wamid, string status);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} is queued but its record could not be written yet; its dispatch will write it")]
    private partial void LogRecordDeferred(Exception exception, string messageId);

    [LoggerMessage(LogLevel.Information, "Message {MessageId} will be retried in {RetryAfter} (Meta code {Code})")]
    private partial void LogDeferred(string messageId, int code, TimeSpan retryAfter);
}
