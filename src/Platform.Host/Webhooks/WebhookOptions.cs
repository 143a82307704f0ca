namespace Platform.Host.Webhooks;

/// <summary>Settings of tenant webhook delivery (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Whether endpoints may use http and point at loopback, private or link-local addresses. Off in production (any
    /// environment but Development): a tenant could otherwise make the platform call its own internal services (SSRF).
    /// Unset, it is on only in the Development environment, so a developer can receive events on localhost.
    /// </summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>How long one delivery attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
