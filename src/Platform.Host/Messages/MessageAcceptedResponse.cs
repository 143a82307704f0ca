namespace Platform.Host.Messages;

/// <summary>The answer to a send: the message is durably accepted and will be sent, or end <c>failed</c> with a reason.</summary>
public sealed record MessageAcceptedResponse(string Id, string Status);
