namespace Platform.Grains.Conversations;

/// <summary>A message the customer wrote, as the conversation records it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.InboundMessage")]
public sealed record InboundMessage(
    [property: Id(0)] string Wamid,
    [property: Id(1)] string Type,
    [property: Id(2)] string Content,
    [property: Id(3)] string? Context,
    [property: Id(4)] string? ProfileName,
    [property: Id(5)] DateTimeOffset Timestamp)
{
    /// <summary>Meta's click-to-WhatsApp <c>referral</c> object (JSON), when the customer came from an ad or post.</summary>
    [Id(6)] public string? Referral { get; init; }
}
