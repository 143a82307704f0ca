namespace Platform.Contracts.Inbound;

/// <summary>A message a customer wrote to a business phone number, as Meta reports it.</summary>
public sealed record CustomerMessage
{
    /// <summary>Meta's id of the business phone number that received the message (routes it to a tenant).</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The customer's WhatsApp id.</summary>
    public required string From { get; init; }

    /// <summary>Meta's message id; Meta redelivers for days, so it is the deduplication key.</summary>
    public required string Wamid { get; init; }

    /// <summary>The message type as Meta names it (<c>text</c>, <c>image</c>, …); unknown types are kept.</summary>
    public required string Type { get; init; }

    /// <summary>The type's own object as Meta sends it (JSON), for example <c>{"body":"hi"}</c> for text.</summary>
    public required string Content { get; init; }

    /// <summary>Meta's <c>context</c> object (JSON) when the customer replied to a message.</summary>
    public string? Context { get; init; }

    /// <summary>The customer's profile name, when Meta sends it.</summary>
    public string? ProfileName { get; init; }

    /// <summary>When the customer sent it (Meta's timestamp).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Meta's click-to-WhatsApp <c>referral</c> object (JSON), when the customer came from an ad or post.</summary>
    public string? Referral { get; init; }

    /// <summary>Meta's <c>errors</c> array (JSON), sent with <c>unsupported</c> messages.</summary>
    public string? Errors { get; init; }

    /// <summary>The whole message object exactly as Meta sent it (JSON), fields we do not know yet included.</summary>
    public string? Raw { get; init; }

    /// <summary>The WhatsApp Business Account id of the webhook entry.</summary>
    public string? WabaId { get; init; }

    /// <summary>The business number as Meta displays it (<c>metadata.display_phone_number</c>).</summary>
    public string? DisplayPhoneNumber { get; init; }
}
