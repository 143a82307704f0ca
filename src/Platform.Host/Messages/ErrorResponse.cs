namespace Platform.Host.Messages;

/// <summary>Why a message failed, in Meta's terms.</summary>
public sealed record ErrorResponse(int Code, string Title, string? Details);
