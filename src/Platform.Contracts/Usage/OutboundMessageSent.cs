namespace Platform.Contracts.Usage;

/// <summary>
/// Event: an outbound message reached <c>sent</c> for the first time. Billing meters it; a redelivery carries the same
/// <see cref="MessageId"/>, which is the usage ledger's deduplication key.
/// </summary>
public sealed record OutboundMessageSent
{
    public required string TenantId { get; init; }

    /// <summary>Our message id (<c>msg_…</c>).</summary>
    public required string MessageId { get; init; }

    /// <summary>Meta's id of the business number that sent it.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The customer's WhatsApp id; its calling code gives the market Meta prices by.</summary>
    public required string To { get; init; }

    /// <summary>The channel that carried it (<c>sandbox</c> or <c>cloud_api</c>).</summary>
    public required string Channel { get; init; }

    /// <summary>The message type (<c>text</c>, <c>template</c>, …).</summary>
    public required string Type { get; init; }

    /// <summary>A template's category (<c>MARKETING</c>, <c>UTILITY</c>, <c>AUTHENTICATION</c>); null for free-form messages.</summary>
    public string? TemplateCategory { get; init; }

    /// <summary>Whether the customer-service window was open when the message was accepted.</summary>
    public required bool InsideWindow { get; init; }

    /// <summary>Meta's <c>pricing</c> object (JSON) when Meta reported it; the authority on what Meta charges.</summary>
    public string? Pricing { get; init; }

    public required DateTimeOffset SentAt { get; init; }
}
