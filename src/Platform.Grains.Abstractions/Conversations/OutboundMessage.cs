namespace Platform.Grains.Conversations;

/// <summary>A message a tenant asked to send, already validated for shape.</summary>
[GenerateSerializer, Immutable, Alias("Platform.OutboundMessage")]
public sealed record OutboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Channel,
    [property: Id(2)] string Type,
    [property: Id(3)] string Content);
