using MassTransit;
using Platform.Contracts.TenantEvents;

namespace Platform.Host.Webhooks;

/// <summary>
/// Fan-out only reads the tenant's endpoints and publishes: cheap, so many run at once. Events with the same ordering key
/// (a conversation) are fanned out one after another, so their deliveries are queued in the order they happened.
/// </summary>
internal sealed class TenantEventFanOutConsumerDefinition : ConsumerDefinition<TenantEventFanOutConsumer>
{
    public TenantEventFanOutConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.PrefetchCount = 256;
        endpoint.ConcurrentMessageLimit = 256;
    });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TenantEventFanOutConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
        consumerConfigurator.Message<TenantEventRaised>(message =>
            message.UsePartitioner(256, raised => raised.Message.OrderingKey ?? raised.Message.EventId));
    }
}
