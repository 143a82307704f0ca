namespace Platform.Grains.Conversations;

/// <summary>
/// What an <c>Idempotency-Key</c> allows: go on with <see cref="MessageId"/> (the id the key's first attempt chose, so a
/// repeated attempt cannot send twice); replay <see cref="Response"/>; or refuse, because the key came with another body.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] string? MessageId,
    [property: Id(1)] IdempotentResponse? Response,
    [property: Id(2)] bool Conflict);
