namespace Platform.Contracts.Inbound;

/// <summary>
/// Event: a customer stopped or resumed marketing messages from a business number in WhatsApp's own settings
/// (<c>user_preferences</c>). A stop opts the customer out of MARKETING templates only.
/// </summary>
public sealed record MarketingPreferenceChanged
{
    /// <summary>The tenant holding the business number; null while the update is still unrouted.</summary>
    public string? TenantId { get; init; }

    /// <summary>Meta's id of the business phone number.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The customer's WhatsApp id.</summary>
    public required string WaId { get; init; }

    /// <summary>Meta's category, <c>marketing_messages</c> today; unknown values are kept.</summary>
    public required string Category { get; init; }

    /// <summary><c>stop</c> or <c>resume</c>; unknown values are kept.</summary>
    public required string Value { get; init; }

    /// <summary>Meta's sentence, for example "User requested to stop marketing messages".</summary>
    public string? Detail { get; init; }

    /// <summary>When the customer changed it (Meta's timestamp).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The preference object as Meta sent it (JSON).</summary>
    public required string Raw { get; init; }
}
