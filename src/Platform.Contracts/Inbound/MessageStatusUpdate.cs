namespace Platform.Contracts.Inbound;

/// <summary>A delivery status of a message a business sent, as Meta reports it (<c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>).</summary>
public sealed record MessageStatusUpdate
{
    /// <summary>Meta's id of the business phone number that sent the message.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>Meta's message id.</summary>
    public required string Wamid { get; init; }

    /// <summary>The customer's WhatsApp id.</summary>
    public required string RecipientId { get; init; }

    /// <summary>The status as Meta names it; unknown values are kept.</summary>
    public required string Status { get; init; }

    /// <summary>When the status happened (Meta's timestamp).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// Meta's <c>biz_opaque_callback_data</c>: we send our message id in it, so a status finds its message even when it
    /// overtakes the record of Meta's answer to the send.
    /// </summary>
    public string? CallbackData { get; init; }

    /// <summary>The first of Meta's <c>errors</c>, when the status is <c>failed</c>.</summary>
    public DeliveryError? Error { get; init; }

    /// <summary>Meta's <c>pricing</c> object (JSON), when sent.</summary>
    public string? Pricing { get; init; }

    /// <summary>Meta's <c>conversation</c> object (JSON), when sent.</summary>
    public string? Conversation { get; init; }

    /// <summary>Meta's whole <c>errors</c> array (JSON), when sent.</summary>
    public string? Errors { get; init; }

    /// <summary>The whole status object exactly as Meta sent it (JSON), fields we do not know yet included.</summary>
    public string? Raw { get; init; }

    /// <summary>The WhatsApp Business Account id of the webhook entry.</summary>
    public string? WabaId { get; init; }
}
