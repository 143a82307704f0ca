namespace Platform.Contracts.Inbound;

/// <summary>
/// Event: Meta changed a business number's messaging limit or quality (<c>phone_number_quality_update</c>). Meta names the
/// number only by its display form within the WhatsApp Business Account, not by phone_number_id.
/// </summary>
public sealed record PhoneNumberQualityChanged
{
    /// <summary>The WhatsApp Business Account id (<c>entry.id</c>).</summary>
    public required string WabaId { get; init; }

    /// <summary>The number as Meta displays it (<c>display_phone_number</c>).</summary>
    public required string DisplayPhoneNumber { get; init; }

    /// <summary>Meta's event: <c>FLAGGED</c>, <c>UNFLAGGED</c>, <c>UPGRADE</c>, <c>DOWNGRADE</c>, <c>THROUGHPUT_UPGRADE</c>, …</summary>
    public required string Event { get; init; }

    /// <summary>The messaging limit now (<c>current_limit</c>, for example <c>TIER_10K</c>), when sent.</summary>
    public string? CurrentLimit { get; init; }

    /// <summary>The portfolio's daily limit (<c>max_daily_conversations_per_business</c>), when sent.</summary>
    public string? MaxDailyConversations { get; init; }

    /// <summary>When Meta reported it (<c>entry.time</c>, or when we received it).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The change's whole <c>value</c> object as Meta sent it (JSON).</summary>
    public required string Raw { get; init; }
}
