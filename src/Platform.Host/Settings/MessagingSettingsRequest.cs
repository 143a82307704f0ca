namespace Platform.Host.Settings;

/// <summary>Body of <c>PUT /v1/settings/messaging</c>: fields left out keep their current value.</summary>
public sealed record MessagingSettingsRequest(
    string[]? StopKeywords, string[]? StartKeywords, string? StopReply, string? StartReply, bool? OptInOnFirstMessage);
