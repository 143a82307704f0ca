using MassTransit;

namespace Platform.Host.Inbound;

/// <summary>Inbound batches are applied idempotently, so retrying a whole batch after a blip is safe.</summary>
internal sealed class WhatsAppUpdatesConsumerDefinition : ConsumerDefinition<WhatsAppUpdatesConsumer>
{
    public WhatsAppUpdatesConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.PrefetchCount = 256;
        endpoint.ConcurrentMessageLimit = 256;
    });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<WhatsAppUpdatesConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
