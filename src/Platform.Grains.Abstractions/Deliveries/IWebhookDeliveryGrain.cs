using Orleans.Concurrency;

namespace Platform.Grains.Deliveries;

/// <summary>
/// The retry schedule of one webhook endpoint: deliveries that failed wait here (durably) for their next attempt, in order
/// per ordering key. Deliveries that never failed never touch it except to be counted. Key: <see cref="WebhookDeliveryKey"/>.
/// </summary>
[Alias("Platform.WebhookDeliveryGrain")]
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    /// <summary>
    /// True when the caller may attempt the delivery right away; false when it was queued here instead (an earlier delivery
    /// with the same ordering key is waiting, or the endpoint is failing).
    /// </summary>
    [Alias("AdmitAsync")]
    Task<bool> AdmitAsync(WebhookDelivery delivery);

    /// <summary>Queues a delivery for an attempt as soon as possible (replay, or a caller that must not wait on this endpoint).</summary>
    [Alias("EnqueueAsync")]
    Task EnqueueAsync(WebhookDelivery delivery);

    /// <summary>Records the outcome of an attempt the caller made; a failure schedules a retry here.</summary>
    [Alias("ReportAsync")]
    Task ReportAsync(WebhookDelivery delivery, DeliveryAttempt attempt);

    /// <summary>The latest attempts, newest first, and how many deliveries wait for a retry.</summary>
    [AlwaysInterleave]
    [Alias("GetRecentAsync")]
    Task<DeliveryOverview> GetRecentAsync();

    /// <summary>Makes sure the grain is active and its retry timer runs (called after a restart).</summary>
    [Alias("WakeAsync")]
    Task WakeAsync();
}
