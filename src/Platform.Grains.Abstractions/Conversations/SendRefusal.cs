namespace Platform.Grains.Conversations;

/// <summary>Why WhatsApp's rules refuse a message: a stable <see cref="Code"/> and a sentence a person can act on.</summary>
[GenerateSerializer, Immutable, Alias("Platform.SendRefusal")]
public sealed record SendRefusal(
    [property: Id(0)] string Code,
    [property: Id(1)] string Detail,
    [property: Id(2)] DateTimeOffset? WindowClosedAt);
