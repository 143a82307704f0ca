using MassTransit;
using Platform.Contracts.TenantEvents;

namespace Platform.Host.Webhooks;

/// <summary>
/// Each first attempt waits on a tenant's server, so many run at once; deliveries of one endpoint and ordering key run one
/// after another (the partitioner), which keeps a conversation's events in order. The in-process retry covers only a grain
/// call that failed: the endpoint's own failures go to its durable schedule, never back to the broker.
/// </summary>
internal sealed class DeliverTenantEventConsumerDefinition : ConsumerDefinition<DeliverTenantEventConsumer>
{
    public DeliverTenantEventConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.PrefetchCount = 256;
        endpoint.ConcurrentMessageLimit = 256;
    });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliverTenantEventConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
        consumerConfigurator.Message<DeliverTenantEvent>(message =>
            message.UsePartitioner(256, delivery => $"{delivery.Message.EndpointId}|{delivery.Message.OrderingKey ?? delivery.Message.DeliveryId}"));
    }
}
