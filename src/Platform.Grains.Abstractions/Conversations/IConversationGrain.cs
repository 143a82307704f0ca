namespace Platform.Grains.Conversations;

/// <summary>
/// One customer's conversation with one business phone number of a tenant. Every send decision for that customer is made
/// here, one at a time, so WhatsApp's rules cannot race; and messages leave for the channel from here, in the order they
/// were accepted. Key: <see cref="ConversationKey"/>.
/// </summary>
[Alias("Platform.ConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Decides whether the message may be sent; when it may, queues it for its channel and records it as accepted.</summary>
    [Alias("SendAsync")]
    Task<SendDecision> SendAsync(OutboundMessage message);

    /// <summary>
    /// Records a message the customer wrote (idempotent by wamid), opens or refreshes the service window, and applies the
    /// tenant's STOP / START keywords.
    /// </summary>
    [Alias("ReceiveAsync")]
    Task ReceiveAsync(InboundMessage message);

    /// <summary>
    /// Hands the message, and any accepted before it that have not left yet, to the channel. Idempotent by message id; on the
    /// final attempt a retryable refusal ends the message <c>failed</c>.
    /// </summary>
    [Alias("DispatchAsync")]
    Task<DispatchResult> DispatchAsync(OutboundMessage message, bool finalAttempt);

    /// <summary>Applies a delivery status reported for one of this conversation's messages (idempotent, order-insensitive).</summary>
    [Alias("ApplyStatusAsync")]
    Task ApplyStatusAsync(StatusReport report);

    /// <summary>The service window as it stands.</summary>
    [Alias("GetSummaryAsync")]
    Task<ConversationSummary> GetSummaryAsync();

    /// <summary>
    /// Forgets the customer (a privacy erasure): their messages keep ids, types, statuses and pricing, lose bodies, and name
    /// the customer by pseudonym only; the window's state goes. Returns how many messages were erased.
    /// </summary>
    [Alias("EraseAsync")]
    Task<int> EraseAsync();
}
