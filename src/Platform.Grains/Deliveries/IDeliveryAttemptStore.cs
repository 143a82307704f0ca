namespace Platform.Grains.Deliveries;

/// <summary>
/// Every attempt to deliver, per endpoint, newest first, kept for <see cref="WebhookDeliveryOptions.AttemptRetention"/> and at
/// most <see cref="WebhookDeliveryOptions.MaxAttemptsPerEndpoint"/> per endpoint. What tenants see as "recent deliveries".
/// </summary>
public interface IDeliveryAttemptStore
{
    /// <summary>
    /// Keeps the attempt, in the background: it never slows down or fails the delivery path, and a row lost to a storage
    /// outage loses only the record, never the delivery (the schedule's state decides what is retried).
    /// </summary>
    void Record(WebhookDeliveryKey endpoint, DeliveryAttempt attempt);

    Task<DeliveryAttemptPage> ListAsync(WebhookDeliveryKey endpoint, DeliveryAttemptQuery query, CancellationToken cancellationToken);
}
