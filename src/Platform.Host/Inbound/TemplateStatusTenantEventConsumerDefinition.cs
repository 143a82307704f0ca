using MassTransit;

namespace Platform.Host.Inbound;

/// <summary>Rare and cheap (two grain reads and a publish); retried in process when a grain call fails.</summary>
internal sealed class TemplateStatusTenantEventConsumerDefinition : ConsumerDefinition<TemplateStatusTenantEventConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TemplateStatusTenantEventConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
