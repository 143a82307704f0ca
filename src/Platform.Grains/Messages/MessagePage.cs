namespace Platform.Grains.Messages;

/// <summary>One page of history, newest first, and the cursor of the next page (null on the last).</summary>
public sealed record MessagePage(IReadOnlyList<MessageRecord> Messages, string? NextCursor);
