namespace Platform.WhatsApp.Channels;

/// <summary>A refusal in Meta's terms: code, title and details.</summary>
public sealed record ChannelError(int Code, string Title, string? Details);
