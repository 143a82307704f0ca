using Platform.Contracts.Usage;
using Platform.Grains.Messages;

namespace Platform.Grains.Conversations;

/// <summary>Builds the usage event billing meters, from the message record the conversation holds.</summary>
internal static class UsageEvents
{
    public static OutboundMessageSent Sent(MessageRecord message, DateTimeOffset at) => new()
    {
        TenantId = message.TenantId,
        MessageId = message.Id,
        PhoneNumberId = message.PhoneNumberId,
        To = message.CustomerWaId,
        Channel = message.Channel ?? "unknown",
        Type = message.Type,
        TemplateCategory = message.TemplateCategory,
        InsideWindow = message.InsideWindow,
        Pricing = message.Pricing,
        SentAt = at,
    };
}
