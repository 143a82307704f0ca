using MassTransit;

namespace Platform.Host.Contacts;

/// <summary>Preference updates are idempotent at the contact: short retries, then the error queue.</summary>
internal sealed class MarketingPreferenceChangedConsumerDefinition : ConsumerDefinition<MarketingPreferenceChangedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MarketingPreferenceChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
