namespace Platform.Host.DeadLetters;

/// <summary>How many dead letters were queued again, and which were left because their endpoint is disabled or gone.</summary>
public sealed record ReplayResponse(int Replayed, IReadOnlyList<string> Skipped);
