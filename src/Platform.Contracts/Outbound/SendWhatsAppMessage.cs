namespace Platform.Contracts.Outbound;

/// <summary>
/// Command to hand one accepted message to its WhatsApp channel. Published by the conversation grain once the message is
/// recorded as accepted; the outbound consumer is idempotent by <see cref="MessageId"/>.
/// </summary>
public sealed record SendWhatsAppMessage
{
    /// <summary>The tenant that sends the message.</summary>
    public required string TenantId { get; init; }

    /// <summary>The platform's message id (<c>msg_…</c>).</summary>
    public required string MessageId { get; init; }

    /// <summary>Meta's id of the business phone number the message leaves from.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The channel that carries the number's traffic (<c>sandbox</c> or <c>cloud_api</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>The customer's WhatsApp id.</summary>
    public required string To { get; init; }

    /// <summary>The message type (<c>text</c>, <c>template</c>, …).</summary>
    public required string Type { get; init; }

    /// <summary>The type's own object, as Meta's Cloud API takes it (JSON).</summary>
    public required string Content { get; init; }

    /// <summary>When the platform accepted the message.</summary>
    public required DateTimeOffset AcceptedAt { get; init; }
}
