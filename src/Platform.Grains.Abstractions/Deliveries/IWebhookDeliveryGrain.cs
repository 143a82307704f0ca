using Orleans.Concurrency;

namespace Platform.Grains.Deliveries;

/// <summary>
/// The retry schedule of one webhook endpoint and the one place, cluster-wide, that decides which delivery may be attempted:
/// deliveries that failed wait here (durably) for their next attempt, and within an ordering key only one delivery is
/// attempted at a time, by whichever consumer or silo holds its lease. Key: <see cref="WebhookDeliveryKey"/>.
/// </summary>
[Alias("Platform.WebhookDeliveryGrain")]
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    /// <summary>
    /// True when the caller may attempt the delivery right away: it then holds the lease of the delivery's ordering key and
    /// must answer with <see cref="ReportAsync"/> (or hand the delivery back with <see cref="EnqueueAsync"/>). False when it was
    /// queued here instead (an earlier delivery with the same ordering key is in flight or waiting, or the endpoint is failing).
    /// </summary>
    [Alias("AdmitAsync")]
    Task<bool> AdmitAsync(WebhookDelivery delivery);

    /// <summary>
    /// Queues a delivery for an attempt as soon as possible (replay, or a caller that must not wait on this endpoint; a caller
    /// holding the delivery's lease gives it back, and the delivery keeps its place before later ones of its ordering key).
    /// </summary>
    [Alias("EnqueueAsync")]
    Task EnqueueAsync(WebhookDelivery delivery);

    /// <summary>Records the outcome of an attempt the caller made and releases its lease; a failure schedules a retry here.</summary>
    [Alias("ReportAsync")]
    Task ReportAsync(WebhookDelivery delivery, DeliveryAttempt attempt);

    /// <summary>How many deliveries wait for a retry and since when every attempt failed.</summary>
    [AlwaysInterleave]
    [Alias("GetBacklogAsync")]
    Task<DeliveryOverview> GetBacklogAsync();

    /// <summary>Makes sure the grain is active and its retry timer runs (called after a restart).</summary>
    [Alias("WakeAsync")]
    Task WakeAsync();
}
