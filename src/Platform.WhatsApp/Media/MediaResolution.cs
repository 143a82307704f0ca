using Platform.WhatsApp.Channels;

namespace Platform.WhatsApp.Media;

/// <summary>Meta's media ids by ours; or, in <see cref="Failure"/>, the channel's answer when a file could not be resolved.</summary>
public sealed record MediaResolution(IReadOnlyDictionary<string, string> MetaMediaIds, ChannelSendResult? Failure)
{
    public static MediaResolution Failed(ChannelSendResult failure) => new(new Dictionary<string, string>(), failure);
}
