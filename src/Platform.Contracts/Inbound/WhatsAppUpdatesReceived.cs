namespace Platform.Contracts.Inbound;

/// <summary>
/// Event carrying everything one webhook delivery reported (from Meta, or from the sandbox channel playing Meta): customer
/// messages, delivery statuses, template status changes, marketing preferences, number quality and account changes. Many
/// updates travel in one broker message because every broker hop costs about as much as a whole message; the consumer
/// applies them in order and each one idempotently.
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

    /// <summary>Template review outcomes (<c>message_template_status_update</c>).</summary>
    public IReadOnlyList<TemplateStatusChanged> TemplateStatuses { get; init; } = [];

    /// <summary>Customers stopping or resuming marketing messages (<c>user_preferences</c>).</summary>
    public IReadOnlyList<MarketingPreferenceChanged> MarketingPreferences { get; init; } = [];

    /// <summary>Messaging-limit and quality changes of business numbers (<c>phone_number_quality_update</c>).</summary>
    public IReadOnlyList<PhoneNumberQualityChanged> PhoneNumberQualities { get; init; } = [];

    /// <summary>Account-level changes (<c>account_update</c>, <c>business_capability_update</c>) and fields we do not know yet.</summary>
    public IReadOnlyList<WhatsAppAccountChanged> AccountChanges { get; init; } = [];

    /// <summary>Errors Meta reported outside any message (<c>value.errors</c> of a <c>messages</c> change).</summary>
    public IReadOnlyList<WhatsAppErrorReported> Errors { get; init; } = [];
}
