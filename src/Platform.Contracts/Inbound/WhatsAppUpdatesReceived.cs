namespace Platform.Contracts.Inbound;

/// <summary>
/// Event carrying the customer messages and delivery statuses of one webhook delivery (from Meta, or from the sandbox
/// channel playing Meta). Many updates travel in one broker message because every broker hop costs about as much as a
/// whole message; the consumer applies them in order and each one idempotently.
/// </summary>
public sealed record WhatsAppUpdatesReceived
{
    /// <summary>Who sent the updates: <c>meta</c> or <c>sandbox</c>.</summary>
    public required string Source { get; init; }

    /// <summary>When the platform received them.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Messages customers wrote to a business number.</summary>
    public IReadOnlyList<CustomerMessage> Messages { get; init; } = [];

    /// <summary>Status changes of messages the businesses sent.</summary>
    public IReadOnlyList<MessageStatusUpdate> Statuses { get; init; } = [];
}
