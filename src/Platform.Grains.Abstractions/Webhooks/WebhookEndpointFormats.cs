namespace Platform.Grains.Webhooks;

/// <summary>The payload shapes an endpoint can ask for.</summary>
public static class WebhookEndpointFormats
{
    /// <summary>Our tenant events, signed with <c>Platform-Signature</c>.</summary>
    public const string Platform = "platform";

    /// <summary>Meta's own webhook shape, signed with <c>X-Hub-Signature-256</c>, for code written against the Cloud API.</summary>
    public const string Meta = "meta";

    public static bool IsKnown(string format) => format is Platform or Meta;
}
