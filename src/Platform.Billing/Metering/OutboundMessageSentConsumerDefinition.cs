using MassTransit;
using Platform.Contracts.Usage;

namespace Platform.Billing.Metering;

/// <summary>Batches of up to 100 events (or what arrived within 50 ms), short in-process retries, then the error queue.</summary>
public sealed class OutboundMessageSentConsumerDefinition : ConsumerDefinition<OutboundMessageSentConsumer>
{
    public const int BatchSize = 100;

    public OutboundMessageSentConsumerDefinition()
    {
        EndpointName = "billing-usage";
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OutboundMessageSentConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = BatchSize * 4;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1_000, 2_000, 5_000));
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(50))
            .SetConcurrencyLimit(4)
            .GroupBy<OutboundMessageSent, string>(message => message.Message.TenantId));
    }
}
