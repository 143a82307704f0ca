using Platform.WhatsApp.Media;

namespace Platform.Host.Media;

/// <summary>
/// What became of an upload: the stored <see cref="Record"/>; or <see cref="Errors"/> naming each bad field; or a
/// <see cref="RefusalCode"/> (the number cannot be used); or, with the file stored, Meta's refusal of its copy
/// (<see cref="MetaFailure"/>).
/// </summary>
public sealed record MediaUploadOutcome
{
    public MediaRecord? Record { get; init; }

    public IDictionary<string, string[]>? Errors { get; init; }

    public string? RefusalCode { get; init; }

    public string? RefusalDetail { get; init; }

    public GraphMediaException? MetaFailure { get; init; }
}
