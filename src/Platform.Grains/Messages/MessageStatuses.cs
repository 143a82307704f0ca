namespace Platform.Grains.Messages;

/// <summary>The statuses a message goes through, and how far along each one is.</summary>
public static class MessageStatuses
{
    public const string Accepted = "accepted";
    public const string Received = "received";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";

    /// <summary>
    /// How far along a status is. A status never moves a message backwards: Meta may report <c>read</c> before
    /// <c>delivered</c>. A failure after delivery is not possible at Meta, so <c>failed</c> ranks last. Statuses Meta adds in
    /// the future rank below everything we know, so they are recorded without changing the current status.
    /// </summary>
    public static int Rank(string status) => status switch
    {
        Accepted or Received => 0,
        Sent => 1,
        Delivered => 2,
        Read => 3,
        Failed => 4,
        _ => -1,
    };
}
