namespace Platform.WhatsApp.Channels;

/// <summary>
/// A message ready for a channel: the type and the type's object in Meta's Cloud API shape. Our message id travels to Meta
/// as <c>biz_opaque_callback_data</c>, so statuses come back naming it.
/// </summary>
public sealed record ChannelMessage(string MessageId, string PhoneNumberId, string To, string Type, string Content);
