using MassTransit;
using Microsoft.Extensions.Options;

namespace Platform.Host.Outbound;

/// <summary>
/// Many sends in flight at once: each waits on a channel round trip. Retries follow <see cref="OutboundOptions"/>, in process
/// with the command unacknowledged, so they survive a crash (the broker hands the command to another consumer) without the
/// delayed-delivery plugin Debian's RabbitMQ lacks.
/// </summary>
internal sealed class SendWhatsAppMessageConsumerDefinition : ConsumerDefinition<SendWhatsAppMessageConsumer>
{
    private readonly OutboundOptions _options;

    public SendWhatsAppMessageConsumerDefinition(IOptions<OutboundOptions> options)
    {
        _options = options.Value;
        Endpoint(endpoint =>
        {
            endpoint.PrefetchCount = 256;
            endpoint.ConcurrentMessageLimit = 256;
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SendWhatsAppMessageConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(_options.Intervals));
}
