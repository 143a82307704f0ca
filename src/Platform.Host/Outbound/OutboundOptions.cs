namespace Platform.Host.Outbound;

/// <summary>
/// How long a message whose channel says "not now" (Meta's rate limits, 5xx, timeouts) keeps being retried (section
/// <c>Outbound</c>). Each retry waits with the command unacknowledged on the queue, so a crash hands it to another consumer:
/// the schedule survives the process. After the last retry the message ends <c>failed</c> with Meta's last error.
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    private static readonly TimeSpan[] DefaultIntervals =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)];

    /// <summary>
    /// The waits between attempts (<c>Outbound__RetryIntervals__0</c>, …); about nine minutes in all when not set. (Empty by
    /// default because configuration binding appends to an array's existing items instead of replacing them.)
    /// </summary>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    /// <summary>The configured waits, or the defaults.</summary>
    public TimeSpan[] Intervals => RetryIntervals.Length > 0 ? RetryIntervals : DefaultIntervals;

    /// <summary>A channel's hint to wait at most this long is waited out in place, without spending a retry.</summary>
    public TimeSpan MaxInPlaceWait { get; set; } = TimeSpan.FromSeconds(10);
}
