namespace Platform.Host.Messages;

/// <summary>One step of a message's status history.</summary>
public sealed record StatusResponse(string Status, DateTimeOffset At);
