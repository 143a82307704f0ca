namespace Platform.Grains.Conversations;

/// <summary>
/// Pacing of messages to one customer (section <c>Conversations</c>): Meta allows a burst, then about one message every six
/// seconds to the same customer (its 131056 pair rate limit). Applies to Cloud API numbers; the sandbox is not paced.
/// </summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>How many messages may leave for one customer at once.</summary>
    public int CustomerBurst { get; set; } = 45;

    /// <summary>After a burst, one message per this interval.</summary>
    public TimeSpan CustomerInterval { get; set; } = TimeSpan.FromSeconds(6);
}
