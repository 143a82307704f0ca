using MassTransit;
using Platform.Contracts.TenantEvents;
using Platform.Grains.Identifiers;
using Platform.Grains.Webhooks;

namespace Platform.Host.Webhooks;

/// <summary>
/// Turns one tenant event into one delivery per enabled endpoint that wants its type (and, for endpoints in Meta's format,
/// that has a Meta form), so a failing endpoint never delays or repeats another.
/// </summary>
internal sealed class TenantEventFanOutConsumer(IGrainFactory grains) : IConsumer<TenantEventRaised>
{
    public async Task Consume(ConsumeContext<TenantEventRaised> context)
    {
        var raised = context.Message;
        var endpoints = await grains.GetGrain<IWebhookEndpointsGrain>(raised.TenantId).ListAsync();
        await Task.WhenAll(endpoints
            .Where(endpoint => endpoint.IsEnabled && endpoint.Wants(raised.Type)
                && (endpoint.Format != WebhookEndpointFormats.Meta || MetaPayloadFormatter.Supports(raised.Type)))
            .Select(endpoint => context.Publish(new DeliverTenantEvent
            {
                TenantId = raised.TenantId,
                EndpointId = endpoint.Id,
                DeliveryId = DeliveryId(raised, endpoint.Id),
                EventId = raised.EventId,
                Type = raised.Type,
                OrderingKey = raised.OrderingKey,
                Body = raised.Body,
            })));
    }

    /// <summary>The same for every retry and redelivery of this event to this endpoint.</summary>
    public static string DeliveryId(TenantEventRaised raised, string endpointId) =>
        PlatformIds.Derive("dlv", raised.CreatedAt, $"{raised.EventId}/{endpointId}");
}
