using Platform.Host.Messages;

namespace Platform.Host.Conversations;

/// <summary>
/// One customer's conversation with one business number: whether free-form messages may be sent and until when, the
/// customer's consent, and the most recent messages (newest first).
/// </summary>
public sealed record ConversationResponse(
    string WaId,
    string PhoneNumberId,
    bool WindowOpen,
    DateTimeOffset? WindowOpenUntil,
    DateTimeOffset? LastCustomerMessageAt,
    ConsentResponse Consent,
    IReadOnlyList<MessageResponse> RecentMessages);
