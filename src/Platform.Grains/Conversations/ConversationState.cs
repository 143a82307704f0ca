namespace Platform.Grains.Conversations;

/// <summary>
/// What a conversation's rules depend on. Kept small and written only when it changes (a customer writes), never once per
/// outbound message: every state write is a storage round trip.
/// </summary>
[GenerateSerializer, Alias("Platform.ConversationState")]
public sealed class ConversationState
{
    /// <summary>When the customer last wrote: the service window runs 24 hours from here.</summary>
    [Id(0)]
    public DateTimeOffset? LastCustomerMessageAt { get; set; }
}
