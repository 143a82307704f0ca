namespace Platform.Grains.Messages;

/// <summary>One status of a message and when it happened.</summary>
public sealed record MessageStatusEntry(string Status, DateTimeOffset At);
