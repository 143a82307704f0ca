namespace Platform.WhatsApp.Channels;

/// <summary>What a channel answered to a send.</summary>
public sealed record ChannelSendResult(string? Wamid, ChannelError? Error)
{
    public static ChannelSendResult Sent(string wamid) => new(wamid, null);

    public static ChannelSendResult Rejected(ChannelError error) => new(null, error);
}
