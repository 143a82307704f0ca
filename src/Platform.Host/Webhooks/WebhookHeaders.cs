namespace Platform.Host.Webhooks;

/// <summary>Headers on every tenant webhook delivery besides the signature.</summary>
public static class WebhookHeaders
{
    /// <summary>Stays the same across retries of one event to one endpoint: receivers deduplicate by it.</summary>
    public const string DeliveryId = "Platform-Delivery-Id";

    public const string EventType = "Platform-Event-Type";
}
