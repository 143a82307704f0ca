namespace Platform.Grains.Webhooks;

/// <summary>Whether an endpoint receives deliveries.</summary>
public static class WebhookEndpointStatuses
{
    public const string Enabled = "enabled";

    /// <summary>By the tenant, or by the platform after the endpoint answered 410 or failed for the whole retry window.</summary>
    public const string Disabled = "disabled";

    public static bool IsKnown(string status) => status is Enabled or Disabled;
}
