using Platform.Grains.Conversations;

namespace Platform.Grains.Messages;

/// <summary>What an Idempotency-Key remembers for 24 hours.</summary>
[GenerateSerializer, Alias("Platform.IdempotencyState")]
public sealed class IdempotencyState
{
    [Id(0)] public string? RequestHash { get; set; }
    [Id(1)] public string? MessageId { get; set; }
    [Id(2)] public IdempotentResponse? Response { get; set; }
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }
}
