namespace Platform.Host.DeadLetters;

/// <summary>A page of dead letters, oldest first; pass <see cref="NextAfter"/> as <c>after</c> for the next page.</summary>
public sealed record DeadLetterListResponse(IReadOnlyList<DeadLetterResponse> Data, string? NextAfter);
