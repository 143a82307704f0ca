namespace Platform.WhatsApp.Channels;

/// <summary>
/// What a channel answered to a send: Meta's message id and the recipient's wa_id; or a refusal that retrying will not change
/// (<see cref="Error"/>); or a refusal worth retrying after <see cref="RetryAfter"/> (rate limits, Meta's outages, timeouts).
/// </summary>
public sealed record ChannelSendResult(string? Wamid, string? WaId, ChannelError? Error, TimeSpan? RetryAfter)
{
    /// <summary>Meta reported the customer stopped marketing messages (131050): they are opted out of MARKETING.</summary>
    public bool OptsOutOfMarketing { get; init; }

    public bool IsSent => Wamid is not null;

    public bool IsRetryable => RetryAfter is not null;

    public static ChannelSendResult Sent(string wamid, string? waId = null) => new(wamid, waId, null, null);

    public static ChannelSendResult Rejected(ChannelError error) => new(null, null, error, null);

    public static ChannelSendResult Deferred(ChannelError error, TimeSpan retryAfter) => new(null, null, error, retryAfter);
}
