using MassTransit;
using Platform.Contracts.TenantEvents;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants;

namespace Platform.Host.Webhooks;

/// <summary>Turns one tenant event into one delivery per webhook endpoint, so a failing endpoint never delays or repeats another.</summary>
internal sealed class TenantEventFanOutConsumer(IGrainFactory grains) : IConsumer<TenantEventRaised>
{
    public async Task Consume(ConsumeContext<TenantEventRaised> context)
    {
        var raised = context.Message;
        var endpoints = await grains.GetGrain<ITenantGrain>(raised.TenantId).GetWebhookEndpointsAsync();
        await Task.WhenAll(endpoints.Select(endpoint => context.Publish(new DeliverTenantEvent
        {
            TenantId = raised.TenantId,
            EndpointId = endpoint.Id,
            DeliveryId = PlatformIds.Derive("dlv", raised.CreatedAt, $"{raised.EventId}/{endpoint.Id}"),
            Type = raised.Type,
            Body = raised.Body,
        })));
    }
}
