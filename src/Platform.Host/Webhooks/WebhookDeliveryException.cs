namespace Platform.Host.Webhooks;

/// <summary>An endpoint did not take a delivery; the delivery is retried.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);
