namespace Platform.Host.Messages;

/// <summary>A text message's object, as Meta's Cloud API takes it.</summary>
public sealed record TextContent(string? Body, bool? PreviewUrl);
