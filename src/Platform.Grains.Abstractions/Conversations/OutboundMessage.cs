namespace Platform.Grains.Conversations;

/// <summary>
/// A message a tenant asked to send, already validated for shape. <see cref="Content"/> is the type's object (JSON) in Meta's
/// shape; <see cref="Context"/> Meta's <c>context</c> when it replies to a message.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.OutboundMessage")]
public sealed record OutboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Channel,
    [property: Id(2)] string Type,
    [property: Id(3)] string Content)
{
    [Id(4)] public string? Context { get; init; }

    /// <summary>
    /// The caller may be repeating an earlier attempt with the same message id (an <c>Idempotency-Key</c>): a message already
    /// accepted under this id is accepted again, not sent twice.
    /// </summary>
    [Id(5)] public bool MayRepeat { get; init; }

    /// <summary>Set by the conversation when it accepts a template: MARKETING, UTILITY or AUTHENTICATION.</summary>
    [Id(6)] public string? TemplateCategory { get; init; }

    /// <summary>Set by the conversation when it accepts the message: whether the service window was open.</summary>
    [Id(7)] public bool InsideWindow { get; init; }

    /// <summary>Set by the conversation when it accepts the message.</summary>
    [Id(8)] public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>The message the conversation accepted just before this one (same activation), which must leave first.</summary>
    [Id(9)] public string? PreviousMessageId { get; init; }
}
