namespace Platform.Grains.Deliveries;

/// <summary>What an attempt's answer means for the delivery.</summary>
public static class DeliveryOutcomes
{
    /// <summary>2xx: done.</summary>
    public const string Delivered = "delivered";

    /// <summary>5xx, 408, 429, a timeout or no connection: retried with backoff.</summary>
    public const string Failed = "failed";

    /// <summary>Any other 4xx: the endpoint refuses this delivery; retried a few times only.</summary>
    public const string Rejected = "rejected";

    /// <summary>410: the endpoint is gone and gets disabled.</summary>
    public const string Gone = "gone";

    /// <summary>The endpoint was deleted or disabled before the attempt; nothing was sent.</summary>
    public const string Skipped = "skipped";

    /// <summary>The classification of an HTTP answer (null: none came).</summary>
    public static string FromStatus(int? status) => status switch
    {
        null => Failed,
        >= 200 and < 300 => Delivered,
        410 => Gone,
        408 or 429 => Failed,
        >= 400 and < 500 => Rejected,
        _ => Failed,
    };
}
