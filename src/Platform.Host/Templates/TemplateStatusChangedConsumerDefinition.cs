using MassTransit;

namespace Platform.Host.Templates;

/// <summary>Template reviews are rare and idempotent: short retries, then the error queue.</summary>
internal sealed class TemplateStatusChangedConsumerDefinition : ConsumerDefinition<TemplateStatusChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TemplateStatusChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
