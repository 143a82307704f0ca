namespace Platform.WhatsApp.Channels;

/// <summary>
/// A message ready for a channel: the type and the type's object in Meta's Cloud API shape, and Meta's <c>context</c> when
/// it replies to a message. Our message id travels to Meta as <c>biz_opaque_callback_data</c>, so statuses come back naming it.
/// </summary>
public sealed record ChannelMessage(string MessageId, string PhoneNumberId, string To, string Type, string Content)
{
    /// <summary>The tenant that sends it; the channel finds the number's credentials by it.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>Meta's <c>context</c> object (JSON), or null.</summary>
    public string? Context { get; init; }
}
