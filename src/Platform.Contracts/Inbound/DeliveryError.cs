namespace Platform.Contracts.Inbound;

/// <summary>Why a message failed, in Meta's terms.</summary>
public sealed record DeliveryError
{
    /// <summary>Meta's error code (for example 131047 for a closed window).</summary>
    public required int Code { get; init; }

    /// <summary>Meta's short title of the error.</summary>
    public required string Title { get; init; }

    /// <summary>Meta's longer explanation, when given.</summary>
    public string? Details { get; init; }
}
