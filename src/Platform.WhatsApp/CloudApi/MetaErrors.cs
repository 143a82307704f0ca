using Platform.WhatsApp.Channels;

namespace Platform.WhatsApp.CloudApi;

/// <summary>
/// Meta's error codes and what we do about each: retry later (rate limits, Meta's own trouble), fail for good with a reason a
/// person can act on, or fail and opt the customer out of marketing (131050).
/// </summary>
public static class MetaErrors
{
    public const int ReEngagement = 131047;
    public const int MarketingStopped = 131050;

    private static readonly Dictionary<int, string> Reasons = new()
    {
        [131047] = "More than 24 hours have passed since the customer last wrote; only a template can reach them now.",
        [131026] = "Meta could not deliver the message: the number may not use WhatsApp, or its app is too old, or the customer has not accepted Meta's terms.",
        [131049] = "Meta did not deliver this marketing message to keep customers' engagement healthy; try again later or with another message.",
        [131050] = "The customer stopped marketing messages from this business; they are now opted out of marketing.",
        [131051] = "WhatsApp does not support this message type.",
        [131056] = "Too many messages to this customer in a short time (pair rate limit).",
        [130429] = "The number's throughput limit was reached.",
        [132000] = "The parameters do not match the template's placeholders.",
        [132001] = "The template does not exist in this language or is not approved.",
        [132015] = "The template is paused because of low quality.",
        [132016] = "The template is disabled because of low quality.",
        [190] = "The number's access token expired or was revoked; register the number again with a valid token.",
        [368] = "The business account is temporarily blocked for policy violations.",
        [131031] = "The business account is locked; check Meta's Business Manager.",
        [131042] = "The business account has a payment problem; check its payment method at Meta.",
    };

    /// <summary>Codes that say "not now" rather than "never": Meta's rate limits and its own transient trouble.</summary>
    private static readonly HashSet<int> Transient = [130429, 131056, 80007, 4, 1, 2, 131000, 131016, 133004];

    /// <summary>Turns Meta's error into the channel's answer.</summary>
    public static ChannelSendResult Decide(int code, string? message, string? details, int httpStatus)
    {
        var error = new ChannelError(code, Reasons.GetValueOrDefault(code) ?? message ?? "Meta refused the message.", details ?? message);
        if (Transient.Contains(code) || httpStatus >= 500)
        {
            return ChannelSendResult.Deferred(error, code == 131056 ? TimeSpan.FromSeconds(6) : TimeSpan.FromSeconds(1));
        }

        return ChannelSendResult.Rejected(error) with { OptsOutOfMarketing = code == MarketingStopped };
    }
}
