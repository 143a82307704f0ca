using Platform.Grains.Conversations;

namespace Platform.Host.Settings;

/// <summary>A tenant's messaging settings.</summary>
public sealed record MessagingSettingsResponse(
    IReadOnlyList<string> StopKeywords, IReadOnlyList<string> StartKeywords, string StopReply, string StartReply, bool OptInOnFirstMessage)
{
    public static MessagingSettingsResponse From(MessagingSettings settings) =>
        new(settings.StopKeywords, settings.StartKeywords, settings.StopReply, settings.StartReply, settings.OptInOnFirstMessage);
}
