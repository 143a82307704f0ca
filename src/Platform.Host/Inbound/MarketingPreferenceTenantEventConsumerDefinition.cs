using MassTransit;

namespace Platform.Host.Inbound;

/// <summary>Only publishes; retried in process when the publish fails.</summary>
internal sealed class MarketingPreferenceTenantEventConsumerDefinition : ConsumerDefinition<MarketingPreferenceTenantEventConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MarketingPreferenceTenantEventConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
