namespace Platform.Grains.Conversations;

/// <summary>The customer-service window of one conversation: open until <see cref="WindowOpenUntil"/>, when the customer last wrote.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ConversationSummary")]
public sealed record ConversationSummary(
    [property: Id(0)] DateTimeOffset? LastCustomerMessageAt,
    [property: Id(1)] DateTimeOffset? WindowOpenUntil);
