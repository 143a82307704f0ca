namespace Platform.Contracts.Outbound;

/// <summary>
/// Command to hand one accepted message to its WhatsApp channel. Published by the conversation grain once the message is
/// decided; it carries everything the message record holds, so a record lost with a silo is rebuilt from it. The outbound
/// consumer is idempotent by <see cref="MessageId"/>.
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

    /// <summary>Meta's <c>context</c> object (JSON) when the message replies to another; null otherwise.</summary>
    public string? Context { get; init; }

    /// <summary>A template's category (<c>MARKETING</c>, <c>UTILITY</c>, <c>AUTHENTICATION</c>); null for free-form messages.</summary>
    public string? TemplateCategory { get; init; }

    /// <summary>Whether the customer-service window was open when the message was accepted.</summary>
    public bool InsideWindow { get; init; }

    /// <summary>When the platform accepted the message.</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>
    /// The message the conversation accepted just before this one, if the same activation accepted it: after a crash,
    /// whichever command comes back first sends those still waiting before itself.
    /// </summary>
    public string? PreviousMessageId { get; init; }
}
