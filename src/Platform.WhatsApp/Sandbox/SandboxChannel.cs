using MassTransit;
using Platform.Contracts.Inbound;
using Platform.WhatsApp.Channels;

namespace Platform.WhatsApp.Sandbox;

/// <summary>
/// An in-process stand-in for WhatsApp, for development and demos: every send succeeds, and the statuses Meta would report
/// (sent, delivered, read) come back through the inbound queue, so everything after the channel runs the real code path.
/// </summary>
public sealed class SandboxChannel(IBus bus, TimeProvider time) : IWhatsAppChannel
{
    public const string ChannelName = "sandbox";

    public string Name => ChannelName;

    public async Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var wamid = SandboxWamids.New();
        var now = time.GetUtcNow();
        MessageStatusUpdate Status(string status) => new()
        {
            PhoneNumberId = message.PhoneNumberId,
            Wamid = wamid,
            RecipientId = message.To,
            Status = status,
            Timestamp = now,
            CallbackData = message.MessageId,
        };

        await bus.Publish(
            new WhatsAppUpdatesReceived
            {
                Source = ChannelName,
                ReceivedAt = now,
                Statuses = [Status("sent"), Status("delivered"), Status("read")],
            },
            cancellationToken);
        return ChannelSendResult.Sent(wamid, message.To);
    }
}
