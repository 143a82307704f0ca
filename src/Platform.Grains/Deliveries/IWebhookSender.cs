namespace Platform.Grains.Deliveries;

/// <summary>Makes one attempt to deliver (HTTP, signed); the host implements it. Never throws for the endpoint's failures.</summary>
public interface IWebhookSender
{
    Task<DeliveryAttempt> SendAsync(WebhookDelivery delivery, int attemptNumber, CancellationToken cancellationToken);
}
