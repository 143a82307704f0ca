namespace Platform.Grains.Conversations;

/// <summary>Why a message failed, in Meta's terms (code, title, details).</summary>
[GenerateSerializer, Immutable, Alias("Platform.MessageFailure")]
public sealed record MessageFailure(
    [property: Id(0)] int Code,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Details);
