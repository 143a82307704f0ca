namespace Platform.Grains.Conversations;

/// <summary>What the channel answered: Meta's message id when it took the message, or why it refused it for good.</summary>
[GenerateSerializer, Immutable, Alias("Platform.SendOutcome")]
public sealed record SendOutcome(
    [property: Id(0)] string? Wamid,
    [property: Id(1)] MessageFailure? Failure,
    [property: Id(2)] DateTimeOffset At);
