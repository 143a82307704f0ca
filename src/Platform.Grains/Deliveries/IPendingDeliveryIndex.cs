namespace Platform.Grains.Deliveries;

/// <summary>
/// The durable side of the retry schedules: which endpoints have deliveries waiting, so every silo can wake their schedules
/// after a restart (the retry timers live in memory), and the waiting deliveries an endpoint's grain state has no room for,
/// in arrival order.
/// </summary>
public interface IPendingDeliveryIndex
{
    Task MarkAsync(WebhookDeliveryKey key);

    Task ClearAsync(WebhookDeliveryKey key);

    IAsyncEnumerable<WebhookDeliveryKey> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores one waiting delivery; completes once it is durable (writes of one endpoint are batched together).</summary>
    Task SpillAsync(WebhookDeliveryKey key, SpilledDelivery delivery);

    /// <summary>The endpoint's spilled deliveries, oldest first.</summary>
    Task<IReadOnlyList<SpilledDelivery>> PeekSpilledAsync(WebhookDeliveryKey key, int limit);

    Task RemoveSpilledAsync(WebhookDeliveryKey key, IReadOnlyList<string> sequences);

    Task<int> CountSpilledAsync(WebhookDeliveryKey key);
}
