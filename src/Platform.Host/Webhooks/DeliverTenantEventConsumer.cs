using MassTransit;
using Platform.Contracts.TenantEvents;
using Platform.Grains.Deliveries;

namespace Platform.Host.Webhooks;

/// <summary>
/// Makes the first attempt of a delivery, unless the endpoint's schedule says it must wait (an earlier delivery of the same
/// conversation is waiting, or the endpoint is failing) or the endpoint already has its share of attempts in flight here.
/// A failed attempt goes to the endpoint's durable schedule; the broker message is done either way, so a failing endpoint
/// never holds the queue.
/// </summary>
internal sealed class DeliverTenantEventConsumer(IGrainFactory grains, IWebhookSender sender, EndpointBulkhead bulkhead)
    : IConsumer<DeliverTenantEvent>
{
    public async Task Consume(ConsumeContext<DeliverTenantEvent> context)
    {
        var message = context.Message;
        var delivery = new WebhookDelivery(
            message.DeliveryId, message.TenantId, message.EndpointId, message.EventId, message.Type, message.OrderingKey, message.Body);
        var schedule = grains.GetGrain<IWebhookDeliveryGrain>(new WebhookDeliveryKey(message.TenantId, message.EndpointId).ToString());
        if (!await schedule.AdmitAsync(delivery))
        {
            return;
        }

        if (!await bulkhead.TryEnterAsync(message.EndpointId, context.CancellationToken))
        {
            await schedule.EnqueueAsync(delivery);
            return;
        }

        DeliveryAttempt attempt;
        try
        {
            attempt = await sender.SendAsync(delivery, 1, context.CancellationToken);
        }
        finally
        {
            bulkhead.Exit(message.EndpointId);
        }

        await schedule.ReportAsync(delivery, attempt);
    }
}
