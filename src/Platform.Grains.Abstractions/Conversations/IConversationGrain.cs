namespace Platform.Grains.Conversations;

/// <summary>
/// One customer's conversation with one business phone number of a tenant. Every send decision for that customer is made
/// here, one at a time, so WhatsApp's rules cannot race. Key: <see cref="ConversationKey"/>.
/// </summary>
[Alias("Platform.ConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Decides whether the message may be sent; when it may, records it as accepted and queues it for its channel.</summary>
    [Alias("SendAsync")]
    Task<SendDecision> SendAsync(OutboundMessage message);

    /// <summary>Records a message the customer wrote (idempotent by wamid) and opens or refreshes the service window.</summary>
    [Alias("ReceiveAsync")]
    Task ReceiveAsync(InboundMessage message);

    /// <summary>Records what the channel answered when the message was handed to it.</summary>
    [Alias("RecordSendOutcomeAsync")]
    Task RecordSendOutcomeAsync(string messageId, SendOutcome outcome);

    /// <summary>Applies a delivery status reported for one of this conversation's messages (idempotent, order-insensitive).</summary>
    [Alias("ApplyStatusAsync")]
    Task ApplyStatusAsync(StatusReport report);
}
