using MassTransit;

namespace Platform.Host.Outbound;

/// <summary>
/// Many sends in flight at once: each waits on a channel round trip. Short retries ride out a blip; anything longer
/// lands in the error queue rather than blocking the queue.
/// </summary>
internal sealed class SendWhatsAppMessageConsumerDefinition : ConsumerDefinition<SendWhatsAppMessageConsumer>
{
    public SendWhatsAppMessageConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.PrefetchCount = 256;
        endpoint.ConcurrentMessageLimit = 256;
    });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SendWhatsAppMessageConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
