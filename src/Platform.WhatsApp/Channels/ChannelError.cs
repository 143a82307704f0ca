namespace Platform.WhatsApp.Channels;

/// <summary>A refusal that retrying will not change, in Meta's terms.</summary>
public sealed record ChannelError(int Code, string Title, string? Details);
