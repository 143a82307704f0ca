namespace Platform.Grains.Deliveries;

/// <summary>
/// Which endpoints have deliveries waiting for a retry, so every silo can wake their schedules after a restart (the retry
/// timers live in memory; the deliveries themselves live in grain state).
/// </summary>
public interface IPendingDeliveryIndex
{
    Task MarkAsync(WebhookDeliveryKey key);

    Task ClearAsync(WebhookDeliveryKey key);

    IAsyncEnumerable<WebhookDeliveryKey> ListAsync(CancellationToken cancellationToken);
}
