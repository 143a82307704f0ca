namespace Platform.Grains.Conversations;

/// <summary>
/// WhatsApp's rules for one send, as a pure function of what the conversation knows, so they are tested without a cluster.
/// </summary>
public static class ConversationPolicy
{
    /// <summary>A customer's message opens (or refreshes) a window of this length for free-form messages.</summary>
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>Whether the customer wrote within the last 24 hours.</summary>
    public static bool IsWindowOpen(ConversationState state, DateTimeOffset now) =>
        state.LastCustomerMessageAt is { } last && now < last + ServiceWindow;

    /// <summary>Null when the message may be sent; otherwise why not.</summary>
    public static SendRefusal? DecideSend(ConversationState state, DateTimeOffset now)
    {
        if (state.LastCustomerMessageAt is not { } last)
        {
            return new SendRefusal(
                "window_closed",
                "The customer has never written to this number, so only an approved template may be sent.",
                WindowClosedAt: null);
        }

        var closesAt = last + ServiceWindow;
        return now < closesAt
            ? null
            : new SendRefusal(
                "window_closed",
                $"The customer last wrote at {last:O}; the 24-hour service window closed at {closesAt:O}. Only an approved template may be sent until they write again.",
                closesAt);
    }
}
