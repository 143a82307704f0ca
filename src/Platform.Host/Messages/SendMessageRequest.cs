namespace Platform.Host.Messages;

/// <summary>Body of <c>POST /v1/messages</c>, in Meta's Cloud API shape with <c>from</c> naming the business number.</summary>
public sealed record SendMessageRequest(string? From, string? To, string? Type, TextContent? Text);
