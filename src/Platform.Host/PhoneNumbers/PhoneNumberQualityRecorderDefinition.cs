using MassTransit;

namespace Platform.Host.PhoneNumbers;

/// <summary>Quality updates are rare and idempotent: short retries, then the error queue.</summary>
internal sealed class PhoneNumberQualityRecorderDefinition : ConsumerDefinition<PhoneNumberQualityRecorder>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PhoneNumberQualityRecorder> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 1_000, 5_000));
}
