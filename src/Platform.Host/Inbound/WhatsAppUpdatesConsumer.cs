using MassTransit;
using Platform.Contracts.Inbound;
using Platform.Grains.Conversations;
using Platform.Grains.Deliveries;
using Platform.Grains.Routing;
using Platform.Host.Media;

namespace Platform.Host.Inbound;

/// <summary>
/// Routes everything one webhook delivery reported. Customer messages and statuses go to their conversation, found through
/// the business number's owner: conversations run in parallel, the updates of one conversation keep their order, and every
/// step is idempotent, so a redelivered batch is safe. Marketing preferences get their tenant and are published for the
/// consent rules; template, quality and account changes (named by WABA) are published for the features that own them.
/// Updates for a number no tenant holds are kept as dead letters, never dropped.
/// </summary>
internal sealed partial class WhatsAppUpdatesConsumer(
    IGrainFactory grains, IDeadLetterStore deadLetters, InboundMedia media, TimeProvider time, ILogger<WhatsAppUpdatesConsumer> logger)
    : IConsumer<WhatsAppUpdatesReceived>
{
    public async Task Consume(ConsumeContext<WhatsAppUpdatesReceived> context)
    {
        var updates = context.Message;
        var numbers = updates.Messages.Select(message => message.PhoneNumberId)
            .Concat(updates.Statuses.Select(status => status.PhoneNumberId))
            .Concat(updates.MarketingPreferences.Select(preference => preference.PhoneNumberId))
            .Distinct()
            .ToList();
        var owners = await Task.WhenAll(numbers.Select(async number => (Number: number, Tenant: await grains.GetGrain<IPhoneNumberOwnerGrain>(number).GetOwnerAsync())));
        var tenants = owners.Where(owner => owner.Tenant is not null).ToDictionary(owner => owner.Number, owner => owner.Tenant!);

        await Task.WhenAll(owners.Where(owner => owner.Tenant is null).Select(owner => KeepUnroutedAsync(owner.Number, updates)));
        await Task.WhenAll(updates.Messages
            .Where(message => tenants.ContainsKey(message.PhoneNumberId))
            .GroupBy(message => (message.PhoneNumberId, message.From))
            .Select(group => ReceiveAsync(tenants[group.Key.PhoneNumberId], group, context.CancellationToken)));
        await Task.WhenAll(updates.Statuses
            .Where(status => tenants.ContainsKey(status.PhoneNumberId))
            .GroupBy(status => (status.PhoneNumberId, status.RecipientId))
            .Select(group => ApplyAsync(Conversation(tenants[group.Key.PhoneNumberId], group.Key.PhoneNumberId, group.Key.RecipientId), group)));

        var published = new List<Task>();
        published.AddRange(updates.MarketingPreferences
            .Where(preference => tenants.ContainsKey(preference.PhoneNumberId))
            .Select(preference => context.Publish(preference with { TenantId = tenants[preference.PhoneNumberId] })));
        published.AddRange(updates.TemplateStatuses.Select(change => context.Publish(change)));
        published.AddRange(updates.PhoneNumberQualities.Select(change => context.Publish(change)));
        published.AddRange(updates.AccountChanges.Select(change => context.Publish(change)));
        published.AddRange(updates.Errors.Select(error => context.Publish(error)));
        await Task.WhenAll(published);
    }

    private IConversationGrain Conversation(string tenantId, string phoneNumberId, string waId) =>
        grains.GetGrain<IConversationGrain>(new ConversationKey(tenantId, phoneNumberId, waId).ToString());

    private async Task ReceiveAsync(string tenantId, IGrouping<(string PhoneNumberId, string From), CustomerMessage> messages, CancellationToken cancellationToken)
    {
        var conversation = Conversation(tenantId, messages.Key.PhoneNumberId, messages.Key.From);
        foreach (var message in messages)
        {
            // A customer's file is fetched from Meta now, while Meta's download URL is valid; the tenant gets our media id.
            var content = await media.AttachAsync(tenantId, message, cancellationToken);
            await conversation.ReceiveAsync(
                new InboundMessage(message.Wamid, message.Type, content, message.Context, message.ProfileName, message.Timestamp)
                {
                    Referral = message.Referral,
                });
        }
    }

    private static async Task ApplyAsync(IConversationGrain conversation, IEnumerable<MessageStatusUpdate> statuses)
    {
        foreach (var status in statuses)
        {
            var failure = status.Error is { } error ? new MessageFailure(error.Code, error.Title, error.Details) : null;
            await conversation.ApplyStatusAsync(
                new StatusReport(status.Wamid, status.CallbackData, status.Status, status.Timestamp, failure, status.Pricing));
        }
    }

    private async Task KeepUnroutedAsync(string phoneNumberId, WhatsAppUpdatesReceived updates)
    {
        LogUnrouted(phoneNumberId);
        var unrouted = new WhatsAppUpdatesReceived
        {
            Source = updates.Source,
            ReceivedAt = updates.ReceivedAt,
            Messages = [.. updates.Messages.Where(message => message.PhoneNumberId == phoneNumberId)],
            Statuses = [.. updates.Statuses.Where(status => status.PhoneNumberId == phoneNumberId)],
            MarketingPreferences = [.. updates.MarketingPreferences.Where(preference => preference.PhoneNumberId == phoneNumberId)],
        };
        await deadLetters.AddAsync(UnroutedUpdates.Letter(phoneNumberId, unrouted, time.GetUtcNow()));
    }

    [LoggerMessage(LogLevel.Warning, "Updates for phone number {PhoneNumberId} arrived, but no tenant holds that number; kept as an inbound dead letter")]
    private partial void LogUnrouted(string phoneNumberId);
}
