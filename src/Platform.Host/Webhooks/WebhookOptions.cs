namespace Platform.Host.Webhooks;

/// <summary>
/// Settings of tenant webhook delivery (section <c>Webhooks</c>). The retry schedule's settings (<c>Webhooks__RetryBaseDelay</c>,
/// <c>Webhooks__RetryFor</c>, …) are read from the same section by <see cref="Platform.Grains.Deliveries.WebhookDeliveryOptions"/>.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Whether endpoints may use http and point at loopback, private or link-local addresses. Off in production (any
    /// environment but Development): a tenant could otherwise make the platform call its own internal services (SSRF).
    /// Unset, it is on only in the Development environment, so a developer can receive events on localhost.
    /// </summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>How long one delivery attempt may take; longer counts as a failed attempt and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// First attempts to one endpoint that run at once in this process. Beyond it, deliveries wait in the endpoint's own
    /// schedule instead of holding the shared queue, so one slow endpoint never delays the others.
    /// </summary>
    public int MaxConcurrentPerEndpoint { get; set; } = 64;

    /// <summary>How long a delivery waits for one of its endpoint's slots before it goes to the endpoint's schedule instead.</summary>
    public TimeSpan SlotWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the previous secret keeps signing after a rotation, unless the request names another time.</summary>
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);
}
