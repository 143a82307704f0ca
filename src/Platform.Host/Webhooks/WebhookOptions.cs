namespace Platform.Host.Webhooks;

/// <summary>Settings of tenant webhook delivery (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Whether endpoints may point at loopback, private or link-local addresses. Off in production: a tenant could
    /// otherwise make the platform call its own internal services (SSRF). The embedded mode turns it on unless configured,
    /// so a developer can receive events on localhost.
    /// </summary>
    public bool? AllowPrivateNetworks { get; set; }

    /// <summary>How long one delivery attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
